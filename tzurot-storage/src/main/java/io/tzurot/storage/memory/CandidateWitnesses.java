package io.tzurot.storage.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tzurot.core.memory.PersonalityScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What earlier {@code anyCandidates} answers proved: "this persona has a searchable memory made before T". Only
 * proofs of presence are kept, so a stale one can only let a search run that finds nothing (a memory was deleted or
 * summarised meanwhile): the answer decides whether a reply spends an embedding on a search, never what the search
 * returns. Absence is never remembered: a memory stored a moment later must be found. Each reply asked the database
 * before; once a persona has older memories, its cutoffs only move forward and the proof keeps answering.
 */
final class CandidateWitnesses {

    /** Stands for "a memory exists, time not known" (proven by a question without cutoff). */
    private static final Instant ANY_TIME = Instant.MAX;

    private record Key(UUID personaId, UUID personalityId) {
    }

    /** The earliest cutoff each persona and scope was proven to have a memory before. */
    private final Cache<Key, Instant> earliestProven = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(Duration.ofMinutes(10)).executor(Runnable::run).build();

    /** True when an earlier answer proves a memory before {@code cutoff} (any memory, without one). */
    boolean proven(UUID personaId, PersonalityScope scope, Optional<Instant> cutoff) {
        Instant earliest = earliestProven.getIfPresent(key(personaId, scope));
        if (earliest == null) {
            return false;
        }
        return cutoff.isEmpty() || !earliest.isAfter(cutoff.get());
    }

    /** Remembers that a memory before {@code cutoff} (any memory, without one) was found. */
    void found(UUID personaId, PersonalityScope scope, Optional<Instant> cutoff) {
        Instant at = cutoff.orElse(ANY_TIME);
        earliestProven.asMap().merge(key(personaId, scope), at, (a, b) -> a.isBefore(b) ? a : b);
    }

    private static Key key(UUID personaId, PersonalityScope scope) {
        return new Key(personaId, scope instanceof PersonalityScope.Only only ? only.personalityId() : null);
    }
}
