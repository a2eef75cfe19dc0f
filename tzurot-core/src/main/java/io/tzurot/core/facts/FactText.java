package io.tzurot.core.facts;

import io.tzurot.core.failure.DomainException;
import java.util.Locale;
import java.util.Optional;

/** What a valid fact text is, and the key that de-duplicates facts. */
public final class FactText {

    private FactText() {
    }

    /** The text cleaned up (one line, trimmed), or empty when it is blank or too long to be one fact. */
    public static Optional<String> clean(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.replaceAll("[\\r\\n\\t]+", " ").replaceAll(" {2,}", " ").strip();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > MemoryFact.MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** A user's text, validated: the error says what is expected. */
    public static String require(String field, String raw) {
        return clean(raw).orElseThrow(() -> DomainException.invalid(field,
                "A fact is one line of 1 to " + MemoryFact.MAX_LENGTH + " characters."));
    }

    /** Lower case, single spaces, without a final full stop or surrounding quotes: "Has a cat." = "has a cat". */
    public static String key(String content) {
        String k = content.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        k = k.replaceAll("^[\"'“”]+|[\"'“”]+$", "");
        k = k.replaceAll("[.!]+$", "").strip();
        return k;
    }
}
