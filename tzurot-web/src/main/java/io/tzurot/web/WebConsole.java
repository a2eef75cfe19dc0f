package io.tzurot.web;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.AccessServices;
import io.tzurot.core.access.Actor;
import io.tzurot.web.api.AccessApi;
import io.tzurot.web.auth.ActorResolver;
import io.tzurot.web.console.ConsoleRoutes;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.ErrorPages;
import io.tzurot.web.console.Page;
import io.tzurot.web.http.ErrorResponses;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.OpenApiDocument;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP API under {@code /api/v1} and the web console, as one registration for
 * {@code WebServer.start(host, port, List.of(..., webConsole::register))}.
 *
 * <p>Storage opens while the server already listens, so services come through a supplier that is empty
 * until they are ready; until then routes that need them answer 503 "starting".
 */
public final class WebConsole {

    /** The policy of every response: only our own origin, nothing inline, no plugins, no base rewrite, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    private final Supplier<Optional<AccessServices>> access;
    private final String version;
    private final ConsoleRoutes console;
    private final List<Consumer<RouteRegistry>> apiFeatures;
    private RouteRegistry registry;

    /**
     * @param access            the access use cases, empty while storage is still opening
     * @param version           the build version, shown in the OpenAPI document
     * @param availableSections console sections whose pages are installed (Settings always is)
     * @param apiFeatures       further API routes, each added through the registry so it is documented
     */
    public WebConsole(Supplier<Optional<AccessServices>> access, String version, Set<ConsoleSection> availableSections,
                      List<Consumer<RouteRegistry>> apiFeatures) {
        this.access = access;
        this.version = version;
        this.console = new ConsoleRoutes(access, availableSections);
        this.apiFeatures = List.copyOf(apiFeatures);
    }

    public WebConsole(Supplier<Optional<AccessServices>> access, String version) {
        this(access, version, Set.of(), List.of());
    }

    public void register(Javalin app) {
        ErrorResponses.register(app, ErrorPages.HTML);
        // pages and answers carry secrets (tokens, login links): never framed, sniffed or leaked through Referer;
        // scripts and styles come only from our own files (the console has no inline script, style or handler)
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/login/")) {
                ctx.header("Cache-Control", "no-store"); // tokens, login sessions and private data: never cached
            }
        });
        new ActorResolver(access).register(app);
        RouteRegistry routes = new RouteRegistry(app, new Schemas());
        new AccessApi(access).register(routes);
        apiFeatures.forEach(feature -> feature.accept(routes));
        routes.schemas().define("OpenApi", Map.of("type", "object", "description", "This document"));
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/openapi.json", "meta", "This OpenAPI 3.0 document",
                RouteAuth.PUBLIC, null, 200, "OpenApi", List.of()), ctx -> ctx.json(OpenApiDocument.build(routes, version)));
        console.register(app);
        this.registry = routes;
    }

    /** The layout model for a console page of another feature (title, current section, signed-in actor). */
    public Page page(String title, ConsoleSection current, Actor actor) {
        return console.page(title, current, actor);
    }

    /** The registry the API routes went through (after {@link #register}); tests compare it with Javalin's routes. */
    public RouteRegistry registry() {
        if (registry == null) {
            throw new IllegalStateException("register(app) has not run yet");
        }
        return registry;
    }
}
