package io.tzurot.core.portability;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Status rows of imports, one per (user, source slug, source service). */
public interface ImportJobRepository {

    /**
     * Queues an import: creates the row (id from {@code DeterministicIds.importJob}) or resets a finished one
     * to pending. Empty when an import for the same source is already pending or running.
     */
    Optional<ImportJob> begin(UUID userId, String sourceSlug, String sourceService, ImportType type, Instant now);

    Optional<ImportJob> find(UUID id);

    /** Pending → in progress; true when this call started it. */
    boolean markInProgress(UUID id, Instant at);

    /** Records progress of a running import and the character it created. */
    void updateProgress(UUID id, UUID personalityId, int memoriesImported, int memoriesFailed, Instant at);

    /** Running → completed with final counts and a summary; true when the job was running. */
    boolean complete(UUID id, int memoriesImported, int memoriesFailed, String metadataJson, Instant at);

    /** Marks a pending or running job failed; true when it was active. */
    boolean fail(UUID id, String errorMessage, Instant at);

    /** Fails jobs running since before {@code startedBefore} (a crashed worker); returns how many. */
    int failStuck(Instant startedBefore, String errorMessage, Instant now);
}
