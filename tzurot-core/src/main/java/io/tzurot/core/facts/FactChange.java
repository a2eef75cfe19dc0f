package io.tzurot.core.facts;

import java.util.Objects;
import java.util.UUID;

/** One change an extraction asks for; applied in one transaction, never to a locked fact. */
public sealed interface FactChange {

    /** A new fact; an existing one with the same key only gains confidence and a newer source. */
    record Add(String content, double confidence) implements FactChange {
        public Add {
            Objects.requireNonNull(content, "content");
        }
    }

    /** A fact the exchange contradicts, replaced by what is now true. */
    record Replace(UUID id, String content, double confidence) implements FactChange {
        public Replace {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(content, "content");
        }
    }

    /** A fact that is no longer true and has no replacement. */
    record Remove(UUID id) implements FactChange {
        public Remove {
            Objects.requireNonNull(id, "id");
        }
    }
}
