package io.tzurot.storage.memory;

import io.tzurot.core.memory.PendingMemory;
import io.tzurot.core.memory.PendingMemoryRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/** {@link PendingMemoryRepository} over JDBI, identical on H2 and PostgreSQL. */
public final class JdbiPendingMemoryRepository implements PendingMemoryRepository {

    private static final String COLUMNS = "id, conversation_history_id, persona_id, personality_id, text, metadata, "
            + "attempts, last_attempt_at, error, created_at";
    private static final int MAX_ERROR_CHARS = 2000;

    private final Jdbi jdbi;
    private final String insertSql;

    public JdbiPendingMemoryRepository(Database database) {
        this.jdbi = database.jdbi();
        this.insertSql = insertSql(database.dialect(), "");
    }

    /**
     * The outbox insert (nothing when a row with the id exists), its values bound as {@code :<prefix><column>}, so a
     * statement that writes another table's row in the same statement can bind both ({@link #bind}).
     */
    public static String insertSql(Dialect dialect, String prefix) {
        String p = ":" + prefix;
        return Sql.insertIfAbsent(dialect, "pending_memories", "id", "UUID", List.of("id=" + p + "id",
                "conversation_history_id=CAST(" + p + "conversation_history_id AS UUID)", "persona_id=" + p + "persona_id",
                "personality_id=" + p + "personality_id", "text=" + p + "text", "metadata=" + p + "metadata",
                "attempts=" + p + "attempts", "created_at=" + p + "created_at"));
    }

    /** Binds {@code m}'s values to {@link #insertSql}'s placeholders of the same {@code prefix}. */
    public static Update bind(Update update, PendingMemory m, String prefix) {
        return update.bind(prefix + "id", m.id())
                .bindByType(prefix + "conversation_history_id", m.conversationHistoryId(), UUID.class)
                .bind(prefix + "persona_id", m.personaId())
                .bind(prefix + "personality_id", m.personalityId())
                .bind(prefix + "text", m.text())
                .bind(prefix + "metadata", new JsonText(m.metadataJson()))
                .bind(prefix + "attempts", m.attempts())
                .bind(prefix + "created_at", m.createdAt());
    }

    @Override
    public boolean add(PendingMemory m) {
        Objects.requireNonNull(m, "memory");
        return jdbi.withHandle(h -> bind(h.createUpdate(insertSql), m, "").execute()) == 1;
    }

    @Override
    public Optional<PendingMemory> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM pending_memories WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public boolean remove(UUID id) {
        Objects.requireNonNull(id, "id");
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM pending_memories WHERE id = :id").bind("id", id).execute()) == 1;
    }

    @Override
    public void recordFailure(UUID id, String error, Instant at, int maxAttempts) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        String message = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR_CHARS));
        jdbi.useHandle(h -> h.createUpdate("UPDATE pending_memories SET "
                        + "attempts = CASE WHEN attempts + 1 >= :max THEN :failed ELSE attempts + 1 END, "
                        + "last_attempt_at = :at, error = :error WHERE id = :id")
                .bind("id", id)
                .bind("max", maxAttempts)
                .bind("failed", PendingMemory.PERMANENTLY_FAILED)
                .bind("at", at)
                .bind("error", message)
                .execute());
    }

    @Override
    public int deleteGivenUp(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM pending_memories WHERE attempts >= :max")
                .bind("max", maxAttempts)
                .execute());
    }

    @Override
    public List<PendingMemory> retryable(int maxAttempts, int limit) {
        if (maxAttempts < 1 || limit < 1) {
            throw new IllegalArgumentException("maxAttempts and limit must be at least 1");
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM pending_memories WHERE attempts < :max "
                        + "ORDER BY created_at, id LIMIT :limit")
                .bind("max", maxAttempts)
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    private static PendingMemory map(ResultSet rs) throws SQLException {
        return new PendingMemory(Sql.uuid(rs, "id"), Sql.uuid(rs, "conversation_history_id"), Sql.uuid(rs, "persona_id"),
                Sql.uuid(rs, "personality_id"), rs.getString("text"), rs.getString("metadata"), rs.getInt("attempts"),
                Sql.instant(rs, "last_attempt_at"), rs.getString("error"), Sql.instant(rs, "created_at"));
    }
}
