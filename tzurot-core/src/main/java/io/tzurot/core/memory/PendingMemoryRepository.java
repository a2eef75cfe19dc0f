package io.tzurot.core.memory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox of memories not yet in the vector store, retried by a scheduled job. */
public interface PendingMemoryRepository {

    /** Adds the entry unless one with its id exists; true when a row was written. */
    boolean add(PendingMemory memory);

    Optional<PendingMemory> find(UUID id);

    /** Removes the entry once its memory is stored; true when it existed. */
    boolean remove(UUID id);

    /** Counts one more failed attempt; at {@code maxAttempts} the entry is marked permanently failed. */
    void recordFailure(UUID id, String error, Instant at, int maxAttempts);

    /** Deletes the entries given up on (at least {@code maxAttempts} attempts); returns how many. */
    int deleteGivenUp(int maxAttempts);

    /** Entries with fewer than {@code maxAttempts} attempts, oldest first. */
    List<PendingMemory> retryable(int maxAttempts, int limit);
}
