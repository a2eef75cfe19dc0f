package io.tzurot.web.health;

/**
 * What {@code GET /health} answers: overall status, build version, profile, and the state of each dependency:
 * the database and, in the distributed profile, Redis ({@code "in-process"} embedded). The status is {@code ok}
 * only while every dependency is up; {@code degraded} while one is down.
 */
public record HealthReport(String status, String version, String profile, String database, String redis) {

    /** Without Redis (embedded: queue, events and keys are in-process). */
    public static HealthReport of(String version, String profile, boolean databaseUp) {
        return new HealthReport(databaseUp ? "ok" : "degraded", version, profile, databaseUp ? "up" : "down", "in-process");
    }

    /** With Redis (distributed profile). */
    public static HealthReport of(String version, String profile, boolean databaseUp, boolean redisUp) {
        return new HealthReport(databaseUp && redisUp ? "ok" : "degraded", version, profile, databaseUp ? "up" : "down",
                redisUp ? "up" : "down");
    }

    /** The process is up but storage is still opening or migrating. */
    public static HealthReport starting(String version, String profile) {
        return new HealthReport("starting", version, profile, "starting", "starting");
    }

    public boolean healthy() {
        return "ok".equals(status);
    }
}
