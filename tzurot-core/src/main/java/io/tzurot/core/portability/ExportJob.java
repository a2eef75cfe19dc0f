package io.tzurot.core.portability;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One export of a character's data as a downloadable file, kept until {@code expiresAt}. Nullable:
 * {@code fileName}, {@code fileContent}, {@code fileSizeBytes}, {@code errorMessage}, {@code metadataJson},
 * {@code startedAt}, {@code completedAt}.
 */
public record ExportJob(
        UUID id,
        UUID userId,
        String sourceSlug,
        String sourceService,
        ExportFormat format,
        PortabilityJobStatus status,
        String fileName,
        String fileContent,
        Integer fileSizeBytes,
        String errorMessage,
        String metadataJson,
        Instant startedAt,
        Instant completedAt,
        Instant expiresAt,
        Instant createdAt,
        Instant updatedAt) {

    public ExportJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sourceSlug, "sourceSlug");
        Objects.requireNonNull(sourceService, "sourceService");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The file, once the export completed. */
    public Optional<String> file() {
        return Optional.ofNullable(fileContent);
    }

    @Override
    public String toString() {
        return "ExportJob[id=" + id + ", user=" + userId + ", slug=" + sourceSlug + ", service=" + sourceService
                + ", format=" + format + ", status=" + status + ", file=" + fileName + ", bytes=" + fileSizeBytes + "]";
    }
}
