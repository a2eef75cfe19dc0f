package io.tzurot.core.lorebook;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a lorebook is attached besides a character: a persona (its books fire whenever that persona talks), a
 * channel (for everyone talking there), or everything (every reply of the bot).
 *
 * @param kind what the book is attached to
 * @param id   the persona's id or the channel's id; empty for {@link Kind#GLOBAL}
 */
public record LoreTarget(Kind kind, String id) {

    /** Longest channel id (Discord snowflakes and web channel ids are far shorter). */
    public static final int MAX_ID = 100;

    /** What a book can be attached to (characters have their own attachments). */
    public enum Kind {
        PERSONA, CHANNEL, GLOBAL;

        /** The name in routes, commands and JSON: {@code persona}, {@code channel}, {@code global}. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public LoreTarget {
        Objects.requireNonNull(kind, "kind");
        id = kind == Kind.GLOBAL ? "" : Objects.requireNonNull(id, "id");
        if (kind != Kind.GLOBAL && (id.isBlank() || id.length() > MAX_ID)) {
            throw new IllegalArgumentException("a " + kind.wireName() + " target needs an id of 1-" + MAX_ID
                    + " characters");
        }
    }

    /** A persona's attachments. */
    public static LoreTarget persona(UUID personaId) {
        return new LoreTarget(Kind.PERSONA, personaId.toString());
    }

    /** A channel's attachments. */
    public static LoreTarget channel(String channelId) {
        return new LoreTarget(Kind.CHANNEL, channelId);
    }

    /** The books attached to everything. */
    public static LoreTarget global() {
        return new LoreTarget(Kind.GLOBAL, "");
    }
}
