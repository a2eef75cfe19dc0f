package io.tzurot.web.health;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.util.function.Supplier;

/** {@code GET /health}: 200 with the report when healthy, 503 with the same report when not. */
public final class HealthRoutes {

    private final Supplier<HealthReport> report;

    public HealthRoutes(Supplier<HealthReport> report) {
        this.report = report;
    }

    public void register(Javalin app) {
        app.get("/health", ctx -> {
            HealthReport current = report.get();
            ctx.status(current.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(current);
        });
    }
}
