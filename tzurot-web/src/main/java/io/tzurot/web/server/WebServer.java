package io.tzurot.web.server;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import io.tzurot.web.http.BodyLimitFilter;
import io.tzurot.web.http.BodyLimits;
import io.tzurot.web.http.ErrorBody;
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
                handler.setErrorHandler(new JettyErrors());
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        });
        routes.forEach(r -> r.accept(app));
        app.exception(Exception.class, (e, ctx) -> {
            ctx.status(500).json(new ErrorBody("internal", "Something went wrong on our side; it has been logged.", null));
            org.slf4j.LoggerFactory.getLogger(WebServer.class).error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
        });
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
