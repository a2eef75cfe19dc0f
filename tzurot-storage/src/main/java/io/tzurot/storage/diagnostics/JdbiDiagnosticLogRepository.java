package io.tzurot.storage.diagnostics;

import io.tzurot.core.diagnostics.DiagnosticLog;
import io.tzurot.core.diagnostics.DiagnosticLogRepository;
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

/** {@link DiagnosticLogRepository} over JDBI; the data JSON is sanitized so jsonb always accepts it. */
public final class JdbiDiagnosticLogRepository implements DiagnosticLogRepository {

    private static final String COLUMNS = "id, request_id, trigger_message_id, response_message_ids, personality_id, "
            + "user_id, guild_id, channel_id, model, provider, duration_ms, data, created_at";
    private static final int MAX_RECENT = 100;

    private final Jdbi jdbi;
    private final String upsertSql;
    private final String containsResponseId;

    public JdbiDiagnosticLogRepository(Database database) {
        this.jdbi = database.jdbi();
        this.upsertSql = Sql.upsert(database.dialect(), "llm_diagnostic_logs", "request_id", "VARCHAR(255)", List.of(
                        "id", "request_id", "trigger_message_id", "response_message_ids",
                        "personality_id=CAST(:personality_id AS UUID)", "user_id", "guild_id", "channel_id", "model",
                        "provider", "duration_ms", "data", "created_at"),
                List.of("trigger_message_id", "response_message_ids", "personality_id", "user_id", "guild_id",
                        "channel_id", "model", "provider", "duration_ms", "data", "created_at"));
        this.containsResponseId = database.dialect() == Dialect.POSTGRESQL
                ? "response_message_ids @> ARRAY[CAST(:messageId AS TEXT)]"
                : "ARRAY_CONTAINS(response_message_ids, :messageId)";
    }

    @Override
    public void save(DiagnosticLog log) {
        Objects.requireNonNull(log, "log");
        jdbi.useHandle(h -> h.createUpdate(upsertSql)
                .bind("id", log.id())
                .bind("request_id", log.requestId())
                .bind("trigger_message_id", log.triggerMessageId())
                .bindArray("response_message_ids", String.class, log.responseMessageIds())
                .bindByType("personality_id", log.personalityId(), UUID.class)
                .bind("user_id", log.userDiscordId())
                .bind("guild_id", log.guildId())
                .bind("channel_id", log.channelId())
                .bind("model", log.model())
                .bind("provider", log.provider())
                .bind("duration_ms", log.durationMs())
                .bind("data", new JsonText(JsonSanitizer.sanitize(log.dataJson())))
                .bind("created_at", log.createdAt())
                .execute());
    }

    @Override
    public Optional<DiagnosticLog> findByRequestId(String requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM llm_diagnostic_logs WHERE request_id = :r")
                .bind("r", requestId)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public Optional<DiagnosticLog> findByResponseMessageId(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM llm_diagnostic_logs WHERE "
                        + containsResponseId + " ORDER BY created_at DESC, id LIMIT 1")
                .bind("messageId", messageId)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<DiagnosticLog> findByTriggerMessageId(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM llm_diagnostic_logs "
                        + "WHERE trigger_message_id = :m ORDER BY created_at DESC, id")
                .bind("m", messageId)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public List<DiagnosticLog> recent(int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_RECENT + ", got " + limit);
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM llm_diagnostic_logs "
                        + "ORDER BY created_at DESC, id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public boolean setResponseMessageIds(String requestId, List<String> messageIds) {
        Objects.requireNonNull(requestId, "requestId");
        List<String> ids = List.copyOf(messageIds);
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE llm_diagnostic_logs SET response_message_ids = :ids WHERE request_id = :r")
                .bind("r", requestId)
                .bindArray("ids", String.class, ids)
                .execute()) == 1;
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM llm_diagnostic_logs WHERE created_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
    }

    private static DiagnosticLog map(ResultSet rs) throws SQLException {
        return new DiagnosticLog(Sql.uuid(rs, "id"), rs.getString("request_id"), rs.getString("trigger_message_id"),
                Sql.strings(rs, "response_message_ids"), Sql.uuid(rs, "personality_id"), rs.getString("user_id"),
                rs.getString("guild_id"), rs.getString("channel_id"), rs.getString("model"), rs.getString("provider"),
                rs.getInt("duration_ms"), rs.getString("data"), Sql.instant(rs, "created_at"));
    }
}
