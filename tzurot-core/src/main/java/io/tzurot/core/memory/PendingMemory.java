package io.tzurot.core.memory;

import io.tzurot.core.id.DeterministicIds;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A memory waiting in the outbox for its vector insert (spec/datamodel.md §1.4). Nullable:
 * {@code conversationHistoryId}, {@code lastAttemptAt}, {@code error}.
 */
public record PendingMemory(
        UUID id,
        UUID conversationHistoryId,
        UUID personaId,
        UUID personalityId,
        String text,
        String metadataJson,
        int attempts,
        Instant lastAttemptAt,
        String error,
        Instant createdAt) {

    /** Failed attempts after which an entry is given up (and the retention sweep deletes it). */
    public static final int MAX_ATTEMPTS = 3;
    /** Attempts value that marks an entry as given up for good. */
    public static final int PERMANENTLY_FAILED = 999;

    public PendingMemory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(personalityId, "personalityId");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("pending memory text must not be blank");
        }
        Objects.requireNonNull(metadataJson, "metadataJson");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A fresh outbox entry with the deterministic id over (persona, personality, text). */
    public static PendingMemory create(UUID conversationHistoryId, UUID personaId, UUID personalityId, String text,
                                       String metadataJson, Instant createdAt) {
        return new PendingMemory(DeterministicIds.pendingMemory(personaId, personalityId, text), conversationHistoryId,
                personaId, personalityId, text, metadataJson, 0, null, null, createdAt);
    }
}
