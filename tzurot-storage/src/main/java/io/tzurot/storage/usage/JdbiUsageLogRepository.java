package io.tzurot.storage.usage;

import io.tzurot.core.usage.UsageLog;
import io.tzurot.core.usage.UsageLogRepository;
import io.tzurot.core.usage.UsageTotals;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link UsageLogRepository} over JDBI on H2 and PostgreSQL. */
public final class JdbiUsageLogRepository implements UsageLogRepository {

    private final Jdbi jdbi;
    private final String insertSql;

    public JdbiUsageLogRepository(Database database) {
        this.jdbi = database.jdbi();
        this.insertSql = Sql.insertIfAbsent(database.dialect(), "usage_logs", "id", "UUID", List.of(
                "id", "user_id", "provider", "model", "tokens_in", "tokens_out", "request_type", "created_at"));
    }

    @Override
    public boolean record(UsageLog log) {
        Objects.requireNonNull(log, "log");
        return jdbi.withHandle(h -> h.createUpdate(insertSql)
                .bind("id", log.id())
                .bind("user_id", log.userId())
                .bind("provider", log.provider())
                .bind("model", log.model())
                .bind("tokens_in", log.tokensIn())
                .bind("tokens_out", log.tokensOut())
                .bind("request_type", log.requestType())
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

    private static void checkPeriod(UUID userId, Instant from, Instant to) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}
