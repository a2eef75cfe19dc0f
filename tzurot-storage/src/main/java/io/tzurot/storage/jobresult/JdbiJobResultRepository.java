package io.tzurot.storage.jobresult;

import io.tzurot.core.jobresult.JobResult;
import io.tzurot.core.jobresult.JobResultRepository;
import io.tzurot.core.jobresult.JobResultStatus;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link JobResultRepository} over JDBI on H2 and PostgreSQL. */
public final class JdbiJobResultRepository implements JobResultRepository {

    private static final String COLUMNS = "job_id, request_id, result, status, completed_at, delivered_at";
    private static final int MAX_LIMIT = 1000;

    private final Jdbi jdbi;
    private final String insertSql;

    public JdbiJobResultRepository(Database database) {
        this.jdbi = database.jdbi();
        this.insertSql = Sql.insertIfAbsent(database.dialect(), "job_results", "job_id", "VARCHAR(255)", List.of(
                "job_id", "request_id", "result", "status", "completed_at", "delivered_at"));
    }

    @Override
    public boolean save(JobResult r) {
        Objects.requireNonNull(r, "result");
        return jdbi.withHandle(h -> h.createUpdate(insertSql)
                .bind("job_id", r.jobId())
                .bind("request_id", r.requestId())
                .bind("result", new JsonText(r.resultJson()))
                .bind("status", r.status().name())
                .bind("completed_at", r.completedAt())
                .bindByType("delivered_at", r.deliveredAt(), Instant.class)
                .execute()) == 1;
    }

    @Override
    public Optional<JobResult> find(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM job_results WHERE job_id = :id")
                .bind("id", jobId)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public boolean confirmDelivery(String jobId, Instant at) {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(at, "at");
        return jdbi.withHandle(h -> h.createUpdate("UPDATE job_results SET status = 'DELIVERED', delivered_at = :at "
                        + "WHERE job_id = :id AND status = 'PENDING_DELIVERY'")
                .bind("id", jobId)
                .bind("at", at)
                .execute()) == 1;
    }

    @Override
    public List<JobResult> pendingDelivery(Instant completedBefore, int limit) {
        Objects.requireNonNull(completedBefore, "completedBefore");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM job_results WHERE status = 'PENDING_DELIVERY' "
                        + "AND completed_at < :before ORDER BY completed_at, job_id LIMIT :limit")
                .bind("before", completedBefore)
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public int deleteDeliveredBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM job_results WHERE status = 'DELIVERED' AND delivered_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
    }

    private static JobResult map(ResultSet rs) throws SQLException {
        return new JobResult(rs.getString("job_id"), rs.getString("request_id"), rs.getString("result"),
                JobResultStatus.valueOf(rs.getString("status")), Sql.instant(rs, "completed_at"),
                Sql.instant(rs, "delivered_at"));
    }
}
