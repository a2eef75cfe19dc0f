package io.tzurot.storage.portability;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** One portability job table (import or export): the reads and status transitions both kinds of job share. */
final class PortabilityJobTable<J> {

    static final int MAX_ERROR_CHARS = 2000;

    private final Jdbi jdbi;
    private final String table;
    private final String selectById;
    private final RowMapper<J> mapper;

    PortabilityJobTable(Jdbi jdbi, String table, String columns, RowMapper<J> mapper) {
        this.jdbi = jdbi;
        this.table = table;
        this.selectById = "SELECT " + columns + " FROM " + table + " WHERE id = :id";
        this.mapper = mapper;
    }

    Optional<J> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return jdbi.withHandle(h -> load(h, id));
    }

    /**
     * Starts job {@code id} in one transaction: {@code reset} turns a finished row back to pending, else
     * {@code insert} adds a pending one; empty when a run of the job is still pending or in progress.
     */
    Optional<J> begin(UUID id, ToIntFunction<Handle> reset, ToIntFunction<Handle> insert) {
        return jdbi.inTransaction(h -> {
            int reopened = reset.applyAsInt(h);
            int created = reopened == 1 ? 0 : insert.applyAsInt(h);
            return reopened + created == 1 ? load(h, id) : Optional.<J>empty();
        });
    }

    private Optional<J> load(Handle h, UUID id) {
        return h.createQuery(selectById).bind("id", id).map(mapper).findOne();
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

    boolean markInProgress(UUID id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return jdbi.withHandle(h -> h.createUpdate("UPDATE " + table + " SET status = 'in_progress', started_at = :at, "
                        + "updated_at = :at WHERE id = :id AND status = 'pending'")
                .bind("id", id)
                .bind("at", at)
                .execute()) == 1;
    }

    boolean fail(UUID id, String errorMessage, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return jdbi.withHandle(h -> h.createUpdate("UPDATE " + table + " SET status = 'failed', error_message = :error, "
                        + "completed_at = :at, updated_at = :at WHERE id = :id AND status IN ('pending', 'in_progress')")
                .bind("id", id)
                .bind("error", clip(errorMessage))
                .bind("at", at)
                .execute()) == 1;
    }

    int failStuck(Instant startedBefore, String errorMessage, Instant now) {
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
