package io.tzurot.core.prompt;

import java.util.Objects;

/**
 * A memory fact offered to the prompt, most important first (locked, then by confidence).
 *
 * @param id the fact's id, for diagnostics
 * @param content the fact, raw; the prompt escapes it
 */
public record FactNote(String id, String content, double confidence, boolean locked) {
    public FactNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
    }
}
