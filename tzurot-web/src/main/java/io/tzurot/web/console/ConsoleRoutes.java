package io.tzurot.web.console;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tzurot.core.access.AccessServices;
import io.tzurot.core.access.Actor;
import io.tzurot.core.access.IssuedApiToken;
import io.tzurot.core.access.IssuingApiToken;
import io.tzurot.core.access.LoginRedemption;
import io.tzurot.web.api.TokenView;
import io.tzurot.web.auth.Access;
import io.tzurot.web.auth.SessionCookie;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The console's pages: the login link, the sign-in page, the home page, Settings → API tokens (htmx
 * fragments for create and revoke) and the vendored assets.
 */
public final class ConsoleRoutes {

    private static final Map<String, String> ASSETS = Map.of(
            "htmx.min.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private final Supplier<Optional<AccessServices>> services;
    private final Set<ConsoleSection> available;

    /**
     * @param available the sections whose pages are installed; Settings is always available
     */
    public ConsoleRoutes(Supplier<Optional<AccessServices>> services, Set<ConsoleSection> available) {
        this.services = services;
        EnumSet<ConsoleSection> sections = EnumSet.of(ConsoleSection.SETTINGS);
        sections.addAll(available);
        this.available = Set.copyOf(sections);
    }

    public void register(Javalin app) {
        app.get("/", ctx -> ctx.redirect("/console"));
        app.get("/console", this::home);
        app.get("/login/{secret}", this::login);
        app.post("/logout", this::logout);
        app.get("/console/settings/tokens", this::tokensPage);
        app.post("/console/settings/tokens", this::createToken);
        app.delete("/console/settings/tokens/{id}", this::revokeToken);
        app.get("/console/assets/{file}", this::asset);
    }

    /** The layout model for a page of this console, for other features' pages. */
    public Page page(String title, ConsoleSection current, Actor actor) {
        return Page.of(title, current, available, actor);
    }

    private AccessServices access() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void home(Context ctx) {
        Optional<Actor> actor = Access.actor(ctx);
        if (actor.isEmpty()) {
            ConsoleForms.html(ctx.status(401), Templates.render("signin.jte", Map.of("page", Page.of("Sign in", null, available, null))));
            return;
        }
        ConsoleForms.html(ctx, Templates.render("home.jte", Map.of("page", page("Home", null, actor.get()))));
    }

    private void login(Context ctx) {
        LoginRedemption result = access().operatorLogin().redeem(ctx.pathParam("secret"));
        if (result instanceof LoginRedemption.SignedIn signedIn) {
            SessionCookie.set(ctx, signedIn.sessionSecret());
            ctx.header("Cache-Control", "no-store");
            ctx.redirect("/console", HttpStatus.SEE_OTHER);
        } else if (result instanceof LoginRedemption.Expired) {
            message(ctx, 410, "Login link expired",
                    "This login link is older than ten minutes and no longer works. Restart Tzurot to print a new one.");
        } else if (result instanceof LoginRedemption.AlreadyUsed) {
            message(ctx, 410, "Login link already used", "Each login link works only once, and this one has been used."
                    + " If that was not you, restart Tzurot to print a new link.");
        } else {
            message(ctx, 404, "Unknown login link", "This login link is not valid. Check that it was copied completely,"
                    + " or restart Tzurot to print a new one.");
        }
    }

    private void logout(Context ctx) {
        // like every console change: only the page itself (htmx's header, which a cross-site form cannot send)
        if (!"true".equals(ctx.header("HX-Request"))) {
            throw ApiException.forbidden("Sign out from the console page itself.");
        }
        String cookie = SessionCookie.read(ctx);
        if (cookie != null && !cookie.isEmpty()) {
            services.get().ifPresent(s -> s.authenticating().signOut(cookie));
        }
        SessionCookie.clear(ctx);
        ConsoleForms.redirect(ctx, "/console");
    }

    private void tokensPage(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        List<TokenView> tokens = access().tokens().listOwn(actor).stream().map(TokenView::of).toList();
        ConsoleForms.html(ctx, Templates.render("settings/tokens.jte", Map.of(
                "page", page("API tokens", ConsoleSection.SETTINGS, actor), "tokens", tokens)));
    }

    private void createToken(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        String label;
        try {
            label = Inputs.requiredString("label", ctx.formParam("label"), IssuingApiToken.MAX_LABEL_LENGTH);
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e; // a body over its limit is not a form mistake: the page's alert says so with its status
            }
            // htmx swaps only 2xx answers, so the form's error comes back as a fragment with 200
            ConsoleForms.html(ctx, Templates.render("alert.jte", Map.of("message", e.getMessage())));
            return;
        }
        boolean owner = "true".equals(ctx.formParam("owner"));
        IssuedApiToken issued = access().issuing().issueFor(actor, label, owner);
        List<TokenView> tokens = access().tokens().listOwn(actor).stream().map(TokenView::of).toList();
        ctx.header("Cache-Control", "no-store");
        ConsoleForms.html(ctx, Templates.render("settings/tokenCreated.jte", Map.of(
                "secret", issued.secret(), "label", issued.token().label(), "tokens", tokens)));
    }

    private void revokeToken(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        if (!access().tokens().revoke(actor, id)) {
            throw ApiException.notFound("Token " + id);
        }
        List<TokenView> tokens = access().tokens().listOwn(actor).stream().map(TokenView::of).toList();
        ConsoleForms.html(ctx, Templates.render("settings/tokenList.jte", Map.of("tokens", tokens)));
    }

    private void asset(Context ctx) {
        String file = ctx.pathParam("file");
        String type = ASSETS.get(file);
        if (type == null) {
            throw ApiException.notFound("Asset " + file);
        }
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream("assets/" + file)) {
            if (in == null) {
                throw new IllegalStateException("console asset missing from the build: " + file);
            }
            ctx.contentType(type).header("Cache-Control", "public, max-age=3600").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void message(Context ctx, int status, String heading, String message) {
        ConsoleForms.html(ctx.status(status), ErrorPages.render(heading, message));
    }
}
