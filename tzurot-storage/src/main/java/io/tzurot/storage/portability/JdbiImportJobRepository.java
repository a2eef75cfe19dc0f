package io.tzurot.storage.portability;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.portability.ImportJob;
import io.tzurot.core.portability.ImportJobRepository;
import io.tzurot.core.portability.ImportType;
import io.tzurot.core.portability.PortabilityJobStatus;
import io.tzurot.storage.db.Database;
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

/** {@link ImportJobRepository} over JDBI on H2 and PostgreSQL. */
public final class JdbiImportJobRepository implements ImportJobRepository {

    private static final String COLUMNS = "id, user_id, personality_id, source_slug, source_service, status, import_type, "
            + "memories_imported, memories_failed, error_message, import_metadata, started_at, completed_at, created_at, "
            + "updated_at";

    private final PortabilityJobTable<ImportJob> jobs;
    private final Jdbi jdbi;

    public JdbiImportJobRepository(Database database) {
        this.jobs = new PortabilityJobTable<>(database, "import_jobs", COLUMNS, (rs, ctx) -> map(rs),
                List.of("import_type"));
        this.jdbi = database.jdbi();
    }

    @Override
    public Optional<ImportJob> begin(UUID userId, String sourceSlug, String sourceService, ImportType type, Instant now) {
        Objects.requireNonNull(userId, "userId");
        PortabilityJobTable.checkSource(sourceSlug, sourceService);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(now, "now");
        UUID id = DeterministicIds.importJob(userId, sourceSlug, sourceService);
        return jobs.begin(id, userId, sourceSlug, sourceService, now,
                h -> h.createUpdate("UPDATE import_jobs SET status = 'pending', import_type = :type, "
                                + "memories_imported = 0, memories_failed = 0, error_message = NULL, import_metadata = NULL, "
                                + "started_at = NULL, completed_at = NULL, updated_at = :now "
                                + "WHERE id = :id AND status IN ('completed', 'failed')")
                        .bind("id", id)
                        .bind("type", type.dbValue())
                        .bind("now", now)
                        .execute(),
                insert -> insert.bind("import_type", type.dbValue()));
    }

    @Override
    public Optional<ImportJob> find(UUID id) {
        return jobs.find(id);
    }

    @Override
    public boolean markInProgress(UUID id, Instant at) {
        return jobs.markInProgress(id, at);
    }

    @Override
    public void updateProgress(UUID id, UUID personalityId, int memoriesImported, int memoriesFailed, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        PortabilityJobTable.checkCounts(memoriesImported, memoriesFailed);
        jdbi.useHandle(h -> h.createUpdate("UPDATE import_jobs SET personality_id = COALESCE(CAST(:personality AS UUID), "
                        + "personality_id), memories_imported = :imported, memories_failed = :failed, updated_at = :at "
                        + "WHERE id = :id AND status = 'in_progress'")
                .bind("id", id)
                .bindByType("personality", personalityId, UUID.class)
                .bind("imported", memoriesImported)
                .bind("failed", memoriesFailed)
                .bind("at", at)
                .execute());
    }

    @Override
    public boolean complete(UUID id, int memoriesImported, int memoriesFailed, String metadataJson, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        PortabilityJobTable.checkCounts(memoriesImported, memoriesFailed);
        return jdbi.withHandle(h -> h.createUpdate("UPDATE import_jobs SET status = 'completed', memories_imported = :imported, "
                        + "memories_failed = :failed, import_metadata = :metadata, completed_at = :at, updated_at = :at "
                        + "WHERE id = :id AND status = 'in_progress'")
                .bind("id", id)
                .bind("imported", memoriesImported)
                .bind("failed", memoriesFailed)
                .bindByType("metadata", metadataJson == null ? null : new JsonText(metadataJson), JsonText.class)
                .bind("at", at)
                .execute()) == 1;
    }

    @Override
    public boolean fail(UUID id, String errorMessage, Instant at) {
        return jobs.fail(id, errorMessage, at);
    }

    @Override
    public int failStuck(Instant startedBefore, String errorMessage, Instant now) {
        return jobs.failStuck(startedBefore, errorMessage, now);
    }

    private static ImportJob map(ResultSet rs) throws SQLException {
        return new ImportJob(Sql.uuid(rs, "id"), Sql.uuid(rs, "user_id"), Sql.uuid(rs, "personality_id"),
                rs.getString("source_slug"), rs.getString("source_service"),
                PortabilityJobStatus.fromDb(rs.getString("status")), ImportType.fromDb(rs.getString("import_type")),
                rs.getInt("memories_imported"), rs.getInt("memories_failed"), rs.getString("error_message"),
                rs.getString("import_metadata"), Sql.instant(rs, "started_at"), Sql.instant(rs, "completed_at"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
