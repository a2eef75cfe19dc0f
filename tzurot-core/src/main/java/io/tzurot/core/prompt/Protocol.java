package io.tzurot.core.prompt;

import java.util.List;
import java.util.Objects;

/** The personality's system prompt: structured rules, or free text from older characters. */
public sealed interface Protocol {

    /** No protocol: the section is left out. */
    static Protocol none() {
        return new Raw("");
    }

    /** Structured rules; each list may be empty, and empty groups are left out. */
    record Structured(List<String> permissions, List<String> characterDirectives, List<String> formattingRules)
            implements Protocol {
        /** Copies the lists and drops blank entries. */
        public Structured {
            permissions = clean(permissions, "permissions");
            characterDirectives = clean(characterDirectives, "characterDirectives");
            formattingRules = clean(formattingRules, "formattingRules");
        }

        private static List<String> clean(List<String> items, String name) {
            Objects.requireNonNull(items, name + " must not be null");
            return items.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    /** Free text; placeholders are substituted when the prompt is built. */
    record Raw(String text) implements Protocol {
        /** Turns null into empty text. */
        public Raw {
            text = text == null ? "" : text.strip();
        }
    }
}
