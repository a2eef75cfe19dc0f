package io.tzurot.core.facts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A durable fact about the user, kept under the persona they present to a character.
 *
 * @param confidence how sure the extraction was, 0..1 (a user's own correction is 1)
 * @param locked a locked fact is never replaced or removed by extraction; only its user changes it
 * @param source where it came from: {@code exchange:<requestId>} or {@code user}
 */
public record MemoryFact(UUID id, UUID personaId, UUID personalityId, String content, double confidence,
                         boolean locked, String source, Instant createdAt, Instant updatedAt) {

    /** The longest fact kept, in characters: a fact is one short sentence. */
    public static final int MAX_LENGTH = 300;
    /** The source of a fact the user wrote or corrected. */
    public static final String USER_SOURCE = "user";

    public MemoryFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
    }

    /** The source of a fact extracted from the exchange of {@code requestId}. */
    public static String exchangeSource(String requestId) {
        return "exchange:" + requestId;
    }

    /** The key two facts share when they say the same thing (case, spacing and final punctuation aside). */
    public String key() {
        return FactText.key(content);
    }
}
