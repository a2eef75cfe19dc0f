package io.tzurot.core.lorebook.activation;

import java.util.Objects;

/**
 * An entry that made it into the prompt, and why.
 *
 * @param key        its stable key ({@code book id/entry id})
 * @param entryId    the entry's own id, or null
 * @param label      its comment or name, for people (may be empty)
 * @param content    the text to insert, decorators removed
 * @param reason     why it fired
 * @param matchedKey the primary key that matched, or null when it fired without one
 * @param position   where it goes
 * @param depth      messages from the end, for {@link LorePosition#AT_DEPTH}
 * @param role       the role of a depth placement
 * @param order      its insertion order: lower is placed earlier
 * @param tokens     the tokens its content takes
 * @param pass       the scan pass it fired in (0 = the first, higher = recursion)
 */
public record FiredEntry(String key, String entryId, String label, String content, Reason reason, String matchedKey,
                         LorePosition position, int depth, LoreRole role, int order, int tokens, int pass) {

    public FiredEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(role, "role");
        label = Objects.requireNonNullElse(label, "");
    }

    /** Why an entry fired. */
    public enum Reason {
        /** A primary key (and its secondary-key logic) matched. */
        KEY,
        /** The entry is constant. */
        CONSTANT,
        /** It is still sticky from an earlier turn. */
        STICKY,
        /** An {@code @@activate} decorator. */
        DECORATOR
    }
}
