package io.tzurot.web.server;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import io.tzurot.web.http.BodyLimitFilter;
import io.tzurot.web.http.BodyLimits;
import io.tzurot.web.http.ErrorBody;
import io.tzurot.web.http.ErrorResponses;
import io.tzurot.web.http.JettyErrors;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * The HTTP server of the {@code api} role. Routes are contributed by feature ({@code health}, later the
 * API and the console) as {@code Consumer<Javalin>} registrations, so this class stays small.
 */
public final class WebServer implements AutoCloseable {

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts listening on {@code host:port} (port 0 picks a free one).
     *
     * @throws WebServerException when the address cannot be bound, with a one-line reason
     */
    public static WebServer start(String host, int port, List<Consumer<Javalin>> routes) {
        return start(host, port, routes, PLAIN_PAGES);
    }

    /** Error pages without the console's layout, for servers that serve no console. */
    private static final ErrorResponses.HtmlErrors PLAIN_PAGES = new ErrorResponses.HtmlErrors() {
        @Override
        public String page(int status, String message) {
            return "<!doctype html><title>" + status + "</title><p>" + escape(message) + "</p>";
        }

        @Override
        public String alert(String message) {
            return "<p role=\"alert\">" + escape(message) + "</p>";
        }

        private String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    };

    /**
     * As {@link #start(String, int, List)}, with {@code html} drawing the pages Jetty's own errors (malformed URIs,
     * oversized headers) show on console paths.
     */
    public static WebServer start(String host, int port, List<Consumer<Javalin>> routes, ErrorResponses.HtmlErrors html) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.useVirtualThreads = false;
            config.jsonMapper(new JavalinJackson());
            config.http.defaultContentType = "application/json";
            // every body is counted while it streams in and refused once past its route's limit (BodyLimits)
            config.http.maxRequestSize = BodyLimits.MULTIPART_BYTES;
            config.jetty.multipartConfig.maxTotalRequestSize(BodyLimits.MULTIPART_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(BodyLimits.AVATAR_BYTES, SizeUnit.BYTES);
            config.jetty.modifyServletContextHandler(handler -> {
                handler.addFilter(new FilterHolder(new BodyLimitFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
                handler.setErrorHandler(new JettyErrors(html));
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(html)));
        });
        routes.forEach(r -> r.accept(app));
        app.exception(Exception.class, (e, ctx) -> io.tzurot.web.http.ErrorResponses.unexpected(ctx, html, e));
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            throw new WebServerException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        return new WebServer(app);
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
