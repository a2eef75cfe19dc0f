package io.tzurot.core.memory;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stores and maintains long-term memories; similarity search is {@link MemorySearch}. */
public interface MemoryRepository {

    /** Inserts the memory unless a row with its id exists; true when a row was written. */
    boolean insert(NewMemory memory);

    /** The memory with this id, whatever its visibility. */
    Optional<Memory> find(UUID id);

    /** Visible memories of a persona (optionally with one personality), newest first. */
    MemoryPage list(UUID personaId, Optional<UUID> personalityId, int offset, int limit);

    /** Marks the memory deleted so it is never retrieved or listed again; true when it was visible. */
    boolean softDelete(UUID id, Instant at);

    /** Locks or unlocks a memory; locked ("core") memories survive purges. True when the row exists. */
    boolean setLocked(UUID id, boolean locked, Instant at);

    /**
     * Replaces a visible memory's text and embedding together, so search matches what the text now says.
     * Returns the updated memory, or empty when it does not exist or is not visible.
     */
    Optional<Memory> edit(UUID id, String newContent, float[] newEmbedding, Instant at);

    /** Hard-deletes a persona's unlocked memories with one personality; returns how many went. */
    int purge(UUID personaId, UUID personalityId);

    /**
     * Counts a persona's visible, unlocked memories (optionally with one personality) created at or after
     * {@code since}: what {@link #deleteSince} would remove.
     */
    long countSince(UUID personaId, Optional<UUID> personalityId, Instant since);

    /**
     * Hard-deletes a persona's unlocked memories (optionally with one personality) created at or after {@code since},
     * visible or already soft-deleted; locked ("core") memories stay. Returns how many went.
     */
    int deleteSince(UUID personaId, Optional<UUID> personalityId, Instant since);

    /**
     * Hard-deletes these memories (no trace kept, so the same text may be stored again later, as a swipe switched
     * back does); returns how many went.
     */
    int delete(java.util.Collection<UUID> ids);
}
