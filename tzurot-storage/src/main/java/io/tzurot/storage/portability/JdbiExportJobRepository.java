package io.tzurot.storage.portability;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.portability.ExportFormat;
import io.tzurot.core.portability.ExportJob;
import io.tzurot.core.portability.ExportJobRepository;
import io.tzurot.core.portability.PortabilityJobStatus;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.db.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link ExportJobRepository} over JDBI on H2 and PostgreSQL. */
public final class JdbiExportJobRepository implements ExportJobRepository {

    private static final String COLUMNS = "id, user_id, source_slug, source_service, format, status, file_name, "
            + "file_content, file_size_bytes, error_message, export_metadata, started_at, completed_at, expires_at, "
            + "created_at, updated_at";

    private final PortabilityJobTable<ExportJob> jobs;
    private final Jdbi jdbi;

    public JdbiExportJobRepository(Database database) {
        this.jobs = new PortabilityJobTable<>(database, "export_jobs", COLUMNS, (rs, ctx) -> map(rs),
                List.of("format", "expires_at"));
        this.jdbi = database.jdbi();
    }

    @Override
    public Optional<ExportJob> begin(UUID userId, String sourceSlug, String sourceService, ExportFormat format,
                                     Instant expiresAt, Instant now) {
        Objects.requireNonNull(userId, "userId");
        PortabilityJobTable.checkSource(sourceSlug, sourceService);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(now, "now");
        UUID id = DeterministicIds.exportJob(userId, sourceSlug, sourceService, format.dbValue());
        return jobs.begin(id, userId, sourceSlug, sourceService, now,
                h -> h.createUpdate("UPDATE export_jobs SET status = 'pending', file_name = NULL, file_content = NULL, "
                                + "file_data = NULL, "
                                + "file_size_bytes = NULL, error_message = NULL, export_metadata = NULL, started_at = NULL, "
                                + "completed_at = NULL, expires_at = :expires, updated_at = :now "
                                + "WHERE id = :id AND status IN ('completed', 'failed')")
                        .bind("id", id)
                        .bind("expires", expiresAt)
                        .bind("now", now)
                        .execute(),
                insert -> insert.bind("format", format.dbValue()).bind("expires_at", expiresAt));
    }

    @Override
    public Optional<ExportJob> find(UUID id) {
        return jobs.find(id);
    }

    @Override
    public boolean markInProgress(UUID id, Instant at) {
        return jobs.markInProgress(id, at);
    }

    @Override
    public boolean complete(UUID id, String fileName, String fileContent, String metadataJson, Instant expiresAt,
                            Instant at) {
        Objects.requireNonNull(id, "id");
        if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
            throw new IllegalArgumentException("file name must be 1-255 characters");
        }
        Objects.requireNonNull(fileContent, "fileContent");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(at, "at");
        int size = fileContent.getBytes(StandardCharsets.UTF_8).length;
        return jdbi.withHandle(h -> h.createUpdate("UPDATE export_jobs SET status = 'completed', file_name = :name, "
                        + "file_content = :content, file_size_bytes = :size, export_metadata = :metadata, "
                        + "completed_at = :at, expires_at = :expires, updated_at = :at WHERE id = :id AND status = 'in_progress'")
                .bind("id", id)
                .bind("name", fileName)
                .bind("content", fileContent)
                .bind("size", size)
                .bindByType("metadata", metadataJson == null ? null : new JsonText(metadataJson), JsonText.class)
                .bind("expires", expiresAt)
                .bind("at", at)
                .execute()) == 1;
    }

    @Override
    public void updateProgress(UUID id, String metadataJson, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        jdbi.useHandle(h -> h.createUpdate("UPDATE export_jobs SET export_metadata = :metadata, updated_at = :at "
                        + "WHERE id = :id AND status = 'in_progress'")
                .bind("id", id)
                .bindByType("metadata", metadataJson == null ? null : new JsonText(metadataJson), JsonText.class)
                .bind("at", at)
                .execute());
    }

    @Override
    public boolean completeWithData(UUID id, String fileName, byte[] data, String metadataJson, Instant expiresAt,
                                    Instant at) {
        Objects.requireNonNull(id, "id");
        if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
            throw new IllegalArgumentException("file name must be 1-255 characters");
        }
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(at, "at");
        return jdbi.withHandle(h -> h.createUpdate("UPDATE export_jobs SET status = 'completed', file_name = :name, "
                        + "file_data = :data, file_size_bytes = :size, export_metadata = :metadata, "
                        + "completed_at = :at, expires_at = :expires, updated_at = :at WHERE id = :id AND status = 'in_progress'")
                .bind("id", id)
                .bind("name", fileName)
                .bind("data", data)
                .bind("size", data.length)
                .bindByType("metadata", metadataJson == null ? null : new JsonText(metadataJson), JsonText.class)
                .bind("expires", expiresAt)
                .bind("at", at)
                .execute()) == 1;
    }

    @Override
    public Optional<byte[]> fileData(UUID id) {
        Objects.requireNonNull(id, "id");
        return jdbi.withHandle(h -> h.createQuery("SELECT file_data FROM export_jobs WHERE id = :id AND status = 'completed'")
                .bind("id", id)
                .map((rs, ctx) -> rs.getBytes(1))
                .findOne()
                .flatMap(Optional::ofNullable));
    }

    @Override
    public boolean fail(UUID id, String errorMessage, Instant at) {
        return jobs.fail(id, errorMessage, at);
    }

    @Override
    public int failStuck(Instant startedBefore, String errorMessage, Instant now) {
        return jobs.failStuck(startedBefore, errorMessage, now);
    }

    @Override
    public int deleteExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM export_jobs WHERE expires_at < :now AND status <> 'in_progress'")
                .bind("now", now)
                .execute());
    }

    private static ExportJob map(ResultSet rs) throws SQLException {
        return new ExportJob(Sql.uuid(rs, "id"), Sql.uuid(rs, "user_id"), rs.getString("source_slug"),
                rs.getString("source_service"), ExportFormat.fromDb(rs.getString("format")),
                PortabilityJobStatus.fromDb(rs.getString("status")), rs.getString("file_name"),
                rs.getString("file_content"), Sql.integer(rs, "file_size_bytes"), rs.getString("error_message"),
                rs.getString("export_metadata"), Sql.instant(rs, "started_at"), Sql.instant(rs, "completed_at"),
                Sql.instant(rs, "expires_at"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
