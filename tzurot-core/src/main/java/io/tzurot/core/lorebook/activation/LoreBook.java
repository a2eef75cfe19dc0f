package io.tzurot.core.lorebook.activation;

import io.tzurot.core.lorebook.LorebookContent;
import java.util.Objects;

/**
 * A book taking part in a scan.
 *
 * @param id      a stable id of the book (timed effects are kept per book and entry)
 * @param content its settings and entries
 */
public record LoreBook(String id, LorebookContent content) {

    public LoreBook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
    }
}
