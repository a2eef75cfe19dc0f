package io.tzurot.core.memory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Similarity search over long-term memory: pgvector on PostgreSQL, exact cosine in the JVM on H2.
 * Only memories with visibility {@code normal} and an embedding are ever returned.
 */
public interface MemorySearch {

    /** Hits ordered by descending score, at most {@code query.limit()} of them, each with score ≥ minScore. */
    List<MemoryHit> search(MemoryQuery query);

    /**
     * Whether any memory a search of this persona and scope could return exists (visible, embedded, created strictly
     * before {@code createdBefore} when set), whatever the query vector: when none does, a caller can skip embedding
     * the query, which is most of a reply's CPU, knowing the search would find nothing. False is always exact; true
     * may be remembered from an earlier answer, so it can outlive the memories that proved it (a wasted search,
     * never a missed memory).
     */
    boolean anyCandidates(UUID personaId, PersonalityScope scope, Optional<Instant> createdBefore);

    /**
     * Every visible chunk of a split memory, in chunk order, restricted to the persona that owns it
     * (score 1.0), so a hit on one chunk can bring in the rest of its text.
     */
    List<MemoryHit> siblingChunks(UUID personaId, UUID chunkGroupId);
}
