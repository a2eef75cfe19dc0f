package io.tzurot.core.card;

import io.tzurot.core.failure.DomainException;
import java.util.Locale;

/** The forms a standalone lorebook is exported in. */
public enum LorebookFormat {
    /** SillyTavern's world-info file: {@code {"entries": {"<uid>": {...}}}}. */
    WORLD_INFO("world-info"),
    /** The V2 card's {@code character_book} object. */
    CHARACTER_BOOK("character-book");

    private final String wireName;

    LorebookFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The format with this name; invalid {@code format} otherwise. */
    public static LorebookFormat named(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (LorebookFormat f : values()) {
            if (f.wireName.equals(wanted)) {
                return f;
            }
        }
        throw DomainException.invalid("format", "'format' must be world-info or character-book.");
    }
}
