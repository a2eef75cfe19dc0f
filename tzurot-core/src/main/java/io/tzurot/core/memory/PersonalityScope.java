package io.tzurot.core.memory;

import java.util.Objects;
import java.util.UUID;

/** Which personalities' memories of a persona a search may see. */
public sealed interface PersonalityScope {

    /** Only memories made with this one personality (the default). */
    record Only(UUID personalityId) implements PersonalityScope {
        public Only {
            Objects.requireNonNull(personalityId, "personalityId");
        }
    }

    /** Memories with every personality, for a persona that shares its long-term memory. */
    record Across() implements PersonalityScope {
    }

    /** Scope for one personality. */
    static PersonalityScope only(UUID personalityId) {
        return new Only(personalityId);
    }

    /** Scope across every personality. */
    static PersonalityScope across() {
        return new Across();
    }
}
