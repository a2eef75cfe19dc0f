package io.tzurot.core.facts;

import io.tzurot.core.memory.PersonalityScope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Storage of memory facts, one set per persona and character. */
public interface FactRepository {

    /** The facts a reply may use: locked first, then by confidence, then newest; at most {@code limit}. */
    List<MemoryFact> inScope(UUID personaId, PersonalityScope scope, int limit);

    /** Every fact of these personas, by character then newest first (a user's own listing). */
    List<MemoryFact> ofPersonas(Collection<UUID> personaIds);

    Optional<MemoryFact> find(UUID id);

    /**
     * Applies an extraction's changes in one transaction; changes naming a locked fact, or a fact of another
     * persona or character, are skipped. Returns how many rows changed.
     */
    int apply(UUID personaId, UUID personalityId, List<FactChange> changes, String source, Instant at);

    /**
     * Replaces a fact's text as its user wrote it (confidence 1, source {@code user}); a fact with the same key
     * beside it is merged into this one. Empty when the fact does not exist.
     */
    Optional<MemoryFact> correct(UUID id, String content, Instant at);

    /** Locks or unlocks a fact; false when it does not exist. */
    boolean setLocked(UUID id, boolean locked, Instant at);

    /** Deletes a fact; false when it did not exist. */
    boolean delete(UUID id);
}
