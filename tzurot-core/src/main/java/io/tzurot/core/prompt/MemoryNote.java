package io.tzurot.core.prompt;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A long-term memory retrieved for this reply.
 *
 * @param id memory id (for diagnostics)
 * @param content the stored text, placeholders not yet substituted
 * @param createdAt when the memory was made, if known
 * @param score similarity to the search query, 0..1 (higher is closer)
 * @param bodyTokens the tokens of its note's body without names, as stored with it ({@link NoteBodyTokens}), if known
 */
public record MemoryNote(String id, String content, Optional<Instant> createdAt, double score, OptionalInt bodyTokens) {

    /** Validates the fields. */
    public MemoryNote {
        Objects.requireNonNull(id, "memory id must not be null");
        Objects.requireNonNull(content, "memory content must not be null");
        createdAt = Objects.requireNonNullElse(createdAt, Optional.empty());
        bodyTokens = Objects.requireNonNullElse(bodyTokens, OptionalInt.empty());
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("memory score must be a number");
        }
    }

    /** A memory without a stored count: its note is counted whole. */
    public MemoryNote(String id, String content, Optional<Instant> createdAt, double score) {
        this(id, content, createdAt, score, OptionalInt.empty());
    }
}
