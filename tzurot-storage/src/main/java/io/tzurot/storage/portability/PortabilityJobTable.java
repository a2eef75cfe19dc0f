package io.tzurot.storage.portability;

import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/** One portability job table (import or export): the reads and status transitions both kinds of job share. */
final class PortabilityJobTable<J> {

    static final int MAX_ERROR_CHARS = 2000;

    private final Jdbi jdbi;
    private final String table;
    private final String selectById;
    private final String insertIfAbsent;
    private final RowMapper<J> mapper;

    /** {@code ownInsertColumns}: the columns a new job of this kind sets besides the shared key and source. */
    PortabilityJobTable(Database database, String table, String columns, RowMapper<J> mapper, List<String> ownInsertColumns) {
        this.jdbi = database.jdbi();
        this.table = table;
        this.selectById = "SELECT " + columns + " FROM " + table + " WHERE id = :id";
        List<String> insert = new ArrayList<>(List.of("id", "user_id", "source_slug", "source_service", "status='pending'"));
        insert.addAll(ownInsertColumns);
        insert.addAll(List.of("created_at=:now", "updated_at=:now"));
        this.insertIfAbsent = Sql.insertIfAbsent(database.dialect(), table, "id", "UUID", insert);
        this.mapper = mapper;
    }

    Optional<J> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return jdbi.withHandle(h -> load(h, id));
    }

    /**
     * Starts job {@code id} in one transaction: {@code reset} turns a finished row back to pending, else a pending
     * row is inserted ({@code bindOwn} binds the kind's own insert columns); empty when a run of the job is still
     * pending or in progress.
     */
    Optional<J> begin(UUID id, UUID userId, String sourceSlug, String sourceService, Instant now,
                      ToIntFunction<Handle> reset, Consumer<Update> bindOwn) {
        return jdbi.inTransaction(h -> {
            int reopened = reset.applyAsInt(h);
            int created = reopened == 1 ? 0 : insert(h, id, userId, sourceSlug, sourceService, now, bindOwn);
            return reopened + created == 1 ? load(h, id) : Optional.<J>empty();
        });
    }

    private int insert(Handle h, UUID id, UUID userId, String sourceSlug, String sourceService, Instant now,
                       Consumer<Update> bindOwn) {
        Update insert = h.createUpdate(insertIfAbsent)
                .bind("id", id)
                .bind("user_id", userId)
                .bind("source_slug", sourceSlug)
                .bind("source_service", sourceService)
                .bind("now", now);
        bindOwn.accept(insert);
        return insert.execute();
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
