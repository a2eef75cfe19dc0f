package io.tzurot.core.portability;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Status rows and files of exports, one per (user, source slug, source service, format). */
public interface ExportJobRepository {

    /**
     * Queues an export: creates the row (id from {@code DeterministicIds.exportJob}) or resets a finished one,
     * dropping its old file. Empty when the same export is already pending or running.
     */
    Optional<ExportJob> begin(UUID userId, String sourceSlug, String sourceService, ExportFormat format,
                              Instant expiresAt, Instant now);

    Optional<ExportJob> find(UUID id);

    /** Pending → in progress; true when this call started it. */
    boolean markInProgress(UUID id, Instant at);

    /** Running → completed with the file; true when the job was running. */
    boolean complete(UUID id, String fileName, String fileContent, String metadataJson, Instant expiresAt, Instant at);

    /** Records a running job's progress (its metadata, e.g. {@code {"progress":40,"step":"memories"}}). */
    void updateProgress(UUID id, String metadataJson, Instant at);

    /** Running → completed with a binary file (a ZIP); true when the job was running. */
    boolean completeWithData(UUID id, String fileName, byte[] data, String metadataJson, Instant expiresAt, Instant at);

    /** The binary file of a completed job, if it has one. */
    Optional<byte[]> fileData(UUID id);

    /** Marks a pending or running job failed; true when it was active. */
    boolean fail(UUID id, String errorMessage, Instant at);

    /** Fails jobs running since before {@code startedBefore}; returns how many. */
    int failStuck(Instant startedBefore, String errorMessage, Instant now);

    /** Deletes exports whose file expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
