package io.tzurot.web.metrics;

import io.javalin.Javalin;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the process's metrics in the Prometheus text format, as the app renders them. Public like
 * {@code /health}: it names no user, channel or request, and the server binds to loopback unless told otherwise.
 */
public final class MetricsRoutes {

    private final Supplier<String> scrape;
    private final String contentType;

    public MetricsRoutes(Supplier<String> scrape, String contentType) {
        this.scrape = scrape;
        this.contentType = contentType;
    }

    public void register(Javalin app) {
        app.get("/metrics", ctx -> ctx.contentType(contentType).result(scrape.get()));
    }
}
