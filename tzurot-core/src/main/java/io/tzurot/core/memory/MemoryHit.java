package io.tzurot.core.memory;

import java.util.Objects;

/**
 * One memory found by a search, with its cosine similarity and the names the prompt renders it with.
 *
 * @param score           1 − cosine distance; sibling chunks carry 1.0
 * @param personaName     the persona's preferred name, else its name
 * @param ownerUsername   the persona owner's username
 * @param personalityName the personality's display name, else its name
 */
public record MemoryHit(Memory memory, double score, String personaName, String ownerUsername, String personalityName) {

    public MemoryHit {
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(personaName, "personaName");
        Objects.requireNonNull(ownerUsername, "ownerUsername");
        Objects.requireNonNull(personalityName, "personalityName");
    }
}
