package io.tzurot.storage.usage;

import io.tzurot.core.usage.UsageGroup;
import io.tzurot.core.usage.UsageLog;
import io.tzurot.core.usage.UsageLogRepository;
import io.tzurot.core.usage.UsageSummary;
import io.tzurot.core.usage.UsageTotals;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link UsageLogRepository} over JDBI on H2 and PostgreSQL. */
public final class JdbiUsageLogRepository implements UsageLogRepository {

    private final Jdbi jdbi;
    private final String insertSql;

    public JdbiUsageLogRepository(Database database) {
        this.jdbi = database.jdbi();
        this.insertSql = Sql.insertIfAbsent(database.dialect(), "usage_logs", "id", "UUID", List.of(
                "id", "user_id", "personality_id", "provider", "model", "tokens_in", "tokens_out", "request_type", "guest",
                "latency_ms", "created_at"));
    }

    @Override
    public boolean record(UsageLog log) {
        Objects.requireNonNull(log, "log");
        return jdbi.withHandle(h -> h.createUpdate(insertSql)
                .bind("id", log.id())
                .bind("user_id", log.userId())
                .bind("personality_id", Sql.nullableUuid(log.personalityId().orElse(null)))
                .bind("provider", log.provider())
                .bind("model", log.model())
                .bind("tokens_in", log.tokensIn())
                .bind("tokens_out", log.tokensOut())
                .bind("request_type", log.requestType())
                .bind("guest", log.guest())
                .bind("latency_ms", log.latencyMs().isPresent() ? Integer.valueOf(log.latencyMs().getAsInt()) : null)
                .bind("created_at", log.createdAt())
                .execute()) == 1;
    }

    @Override
    public UsageTotals totals(UUID userId, Instant from, Instant to) {
        checkPeriod(userId, from, to);
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) AS requests, COALESCE(SUM(CAST(tokens_in AS BIGINT)), 0) "
                        + "AS tokens_in, COALESCE(SUM(CAST(tokens_out AS BIGINT)), 0) AS tokens_out FROM usage_logs "
                        + "WHERE user_id = :user AND created_at >= :from AND created_at < :to")
                .bind("user", userId)
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> new UsageTotals(null, rs.getLong("requests"), rs.getLong("tokens_in"),
                        rs.getLong("tokens_out")))
                .one());
    }

    @Override
    public List<UsageTotals> byModel(UUID userId, Instant from, Instant to) {
        checkPeriod(userId, from, to);
        return jdbi.withHandle(h -> h.createQuery("SELECT model, COUNT(*) AS requests, SUM(CAST(tokens_in AS BIGINT)) AS "
                        + "tokens_in, SUM(CAST(tokens_out AS BIGINT)) AS tokens_out FROM usage_logs "
                        + "WHERE user_id = :user AND created_at >= :from AND created_at < :to GROUP BY model "
                        + "ORDER BY SUM(CAST(tokens_in AS BIGINT)) + SUM(CAST(tokens_out AS BIGINT)) DESC, model")
                .bind("user", userId)
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> new UsageTotals(rs.getString("model"), rs.getLong("requests"), rs.getLong("tokens_in"),
                        rs.getLong("tokens_out")))
                .list());
    }

    @Override
    public UsageSummary summary(Instant from, Instant to, int limit) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return jdbi.inTransaction(h -> {
            UsageSummaryRow total = h.createQuery("SELECT COUNT(*) AS requests, " + SUMS + ", COALESCE(SUM(CASE WHEN "
                            + "guest THEN 1 ELSE 0 END), 0) AS guests FROM usage_logs u " + PERIOD)
                    .bind("from", from).bind("to", to)
                    .map((rs, ctx) -> new UsageSummaryRow(new UsageTotals(null, rs.getLong("requests"),
                            rs.getLong("tokens_in"), rs.getLong("tokens_out")), rs.getLong("guests")))
                    .one();
            return new UsageSummary(total.totals(), total.guests(),
                    groups(h, "CAST(u.user_id AS VARCHAR(36))", "MAX(x.discord_id)",
                            "LEFT JOIN users x ON x.id = u.user_id", "u.user_id", from, to, limit),
                    groups(h, "COALESCE(CAST(u.personality_id AS VARCHAR(36)), '')", "COALESCE(MAX(x.slug), '(none)')",
                            "LEFT JOIN personalities x ON x.id = u.personality_id", "u.personality_id", from, to, limit),
                    groups(h, "u.model", "u.model", "", "u.model", from, to, limit));
        });
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM usage_logs WHERE created_at < :cutoff")
                .bind("cutoff", cutoff).execute());
    }

    private static final String SUMS = "COALESCE(SUM(CAST(u.tokens_in AS BIGINT)), 0) AS tokens_in, "
            + "COALESCE(SUM(CAST(u.tokens_out AS BIGINT)), 0) AS tokens_out";
    private static final String PERIOD = "WHERE u.created_at >= :from AND u.created_at < :to";

    private record UsageSummaryRow(UsageTotals totals, long guests) {
    }

    private static List<UsageGroup> groups(Handle h, String key, String name, String join, String groupBy,
                                           Instant from, Instant to, int limit) {
        return h.createQuery("SELECT " + key + " AS k, " + name + " AS n, COUNT(*) AS requests, " + SUMS
                        + " FROM usage_logs u " + join + " " + PERIOD + " GROUP BY " + groupBy
                        + " ORDER BY SUM(CAST(u.tokens_in AS BIGINT)) + SUM(CAST(u.tokens_out AS BIGINT)) DESC, "
                        + "COUNT(*) DESC, " + key + " LIMIT :limit")
                .bind("from", from).bind("to", to).bind("limit", limit)
                .map((rs, ctx) -> new UsageGroup(rs.getString("k"), rs.getString("n"), rs.getLong("requests"),
                        rs.getLong("tokens_in"), rs.getLong("tokens_out")))
                .list();
    }

    private static void checkPeriod(UUID userId, Instant from, Instant to) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}
