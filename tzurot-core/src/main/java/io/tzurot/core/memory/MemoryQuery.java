package io.tzurot.core.memory;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A similarity search over one persona's memories.
 *
 * @param personaId     whose memories
 * @param scope         one personality, or all of them when the persona shares its memory
 * @param channelIds    origin channels to restrict to; empty means every channel
 * @param vector        the query embedding (384 dimensions)
 * @param limit         most hits to return; 0 returns nothing
 * @param minScore      lowest cosine similarity (1 − cosine distance) a hit may have, in [-1, 1]
 * @param createdBefore when set, only memories created strictly before this instant (STM/LTM overlap cut)
 * @param excludedIds   memories never to return (e.g. already found by an earlier query)
 */
public record MemoryQuery(
        UUID personaId,
        PersonalityScope scope,
        Set<String> channelIds,
        float[] vector,
        int limit,
        double minScore,
        Optional<Instant> createdBefore,
        Set<UUID> excludedIds) {

    /** Upper bound on {@link #limit}, the API's own cap. */
    public static final int MAX_LIMIT = 100;

    public MemoryQuery {
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(scope, "scope");
        channelIds = Set.copyOf(channelIds);
        NewMemory.checkEmbedding(vector);
        vector = vector.clone(); // the caller keeps its array; later changes to it must not leak in
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_LIMIT + ", got " + limit);
        }
        if (Double.isNaN(minScore) || minScore < -1.0 || minScore > 1.0) {
            throw new IllegalArgumentException("minScore must be between -1 and 1, got " + minScore);
        }
        Objects.requireNonNull(createdBefore, "createdBefore");
        excludedIds = Set.copyOf(excludedIds);
    }

    /** A query with no channel restriction, no cutoff and no exclusions. */
    public static MemoryQuery of(UUID personaId, PersonalityScope scope, float[] vector, int limit, double minScore) {
        return new MemoryQuery(personaId, scope, Set.of(), vector, limit, minScore, Optional.empty(), Set.of());
    }

    /** The same query restricted to these origin channels. */
    public MemoryQuery inChannels(Set<String> channels) {
        return new MemoryQuery(personaId, scope, channels, vector, limit, minScore, createdBefore, excludedIds);
    }

    /** The same query restricted to memories created strictly before {@code cutoff}. */
    public MemoryQuery createdBefore(Instant cutoff) {
        return new MemoryQuery(personaId, scope, channelIds, vector, limit, minScore, Optional.of(cutoff), excludedIds);
    }

    /** The same query never returning these ids. */
    public MemoryQuery excluding(Set<UUID> ids) {
        return new MemoryQuery(personaId, scope, channelIds, vector, limit, minScore, createdBefore, ids);
    }

    /** The same query with another limit. */
    public MemoryQuery withLimit(int newLimit) {
        return new MemoryQuery(personaId, scope, channelIds, vector, newLimit, minScore, createdBefore, excludedIds);
    }

    /** Compares the vector by value; a record would compare the array reference. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryQuery q && personaId.equals(q.personaId) && scope.equals(q.scope)
                && channelIds.equals(q.channelIds) && Arrays.equals(vector, q.vector) && limit == q.limit
                && Double.compare(minScore, q.minScore) == 0 && createdBefore.equals(q.createdBefore)
                && excludedIds.equals(q.excludedIds);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(personaId, scope, channelIds, limit, minScore, createdBefore, excludedIds)
                + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "MemoryQuery[persona=" + personaId + ", scope=" + scope + ", channels=" + channelIds + ", limit=" + limit
                + ", minScore=" + minScore + ", createdBefore=" + createdBefore + ", excluded=" + excludedIds.size() + "]";
    }
}
