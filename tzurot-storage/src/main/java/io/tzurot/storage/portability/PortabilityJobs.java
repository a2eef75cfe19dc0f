package io.tzurot.storage.portability;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The status transitions import and export jobs share. */
final class PortabilityJobs {

    static final int MAX_ERROR_CHARS = 2000;

    private PortabilityJobs() {
    }

    static void checkSource(String slug, String service) {
        if (slug == null || slug.isBlank() || slug.length() > 255) {
            throw new IllegalArgumentException("source slug must be 1-255 characters");
        }
        if (service == null || service.isBlank() || service.length() > 50) {
            throw new IllegalArgumentException("source service must be 1-50 characters");
        }
    }

    static void checkCounts(int imported, int failed) {
        if (imported < 0 || failed < 0) {
            throw new IllegalArgumentException("memory counts must not be negative");
        }
    }

    static String clip(String error) {
        return error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR_CHARS));
    }

    static boolean markInProgress(Jdbi jdbi, String table, UUID id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return jdbi.withHandle(h -> h.createUpdate("UPDATE " + table + " SET status = 'in_progress', started_at = :at, "
                        + "updated_at = :at WHERE id = :id AND status = 'pending'")
                .bind("id", id)
                .bind("at", at)
                .execute()) == 1;
    }

    static boolean fail(Jdbi jdbi, String table, UUID id, String errorMessage, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return jdbi.withHandle(h -> h.createUpdate("UPDATE " + table + " SET status = 'failed', error_message = :error, "
                        + "completed_at = :at, updated_at = :at WHERE id = :id AND status IN ('pending', 'in_progress')")
                .bind("id", id)
                .bind("error", clip(errorMessage))
                .bind("at", at)
                .execute()) == 1;
    }

    static int failStuck(Jdbi jdbi, String table, Instant startedBefore, String errorMessage, Instant now) {
        Objects.requireNonNull(startedBefore, "startedBefore");
        Objects.requireNonNull(now, "now");
        return jdbi.withHandle(h -> h.createUpdate("UPDATE " + table + " SET status = 'failed', error_message = :error, "
                        + "completed_at = :now, updated_at = :now WHERE status = 'in_progress' AND started_at < :before")
                .bind("before", startedBefore)
                .bind("error", clip(errorMessage))
                .bind("now", now)
                .execute());
    }
}
