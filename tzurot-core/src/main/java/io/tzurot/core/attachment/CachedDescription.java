package io.tzurot.core.attachment;

import java.util.Objects;

/** What is remembered about an attachment: its description (or transcript), or why describing it failed for good. */
public sealed interface CachedDescription {

    /** A usable description or transcript and the model that produced it. */
    record Described(String text, String model) implements CachedDescription {
        public Described {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("description must not be blank");
            }
            Objects.requireNonNull(model, "model");
        }
    }

    /** A permanent failure (negative cache), e.g. {@code content_policy} or {@code not_found}. */
    record Failed(String category) implements CachedDescription {
        public Failed {
            if (category == null || category.isBlank() || category.length() > 50) {
                throw new IllegalArgumentException("failure category must be 1-50 characters");
            }
        }
    }
}
