package io.tzurot.core.portability;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One import of a character from another service (shapes.inc). Nullable: {@code personalityId} (set once
 * the character exists), {@code errorMessage}, {@code metadataJson}, {@code startedAt}, {@code completedAt}.
 */
public record ImportJob(
        UUID id,
        UUID userId,
        UUID personalityId,
        String sourceSlug,
        String sourceService,
        PortabilityJobStatus status,
        ImportType importType,
        int memoriesImported,
        int memoriesFailed,
        String errorMessage,
        String metadataJson,
        Instant startedAt,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt) {

    public ImportJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sourceSlug, "sourceSlug");
        Objects.requireNonNull(sourceService, "sourceService");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(importType, "importType");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
