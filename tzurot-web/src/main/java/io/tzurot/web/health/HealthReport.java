package io.tzurot.web.health;

/** What {@code GET /health} answers: overall status, build version, profile and database state. */
public record HealthReport(String status, String version, String profile, String database) {

    public static HealthReport of(String version, String profile, boolean databaseUp) {
        return new HealthReport(databaseUp ? "ok" : "degraded", version, profile, databaseUp ? "up" : "down");
    }

    /** The process is up but storage is still opening or migrating. */
    public static HealthReport starting(String version, String profile) {
        return new HealthReport("starting", version, profile, "starting");
    }

    public boolean healthy() {
        return "ok".equals(status);
    }
}
