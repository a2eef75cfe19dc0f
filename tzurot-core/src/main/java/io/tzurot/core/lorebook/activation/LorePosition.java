package io.tzurot.core.lorebook.activation;

/** Where a fired entry's content goes (SillyTavern's positions 0-7). */
public enum LorePosition {
    /** Before the character definition (0). */
    BEFORE_CHARACTER,
    /** After the character definition (1); also where "before/after examples" (5, 6) land, as examples sit inside it. */
    AFTER_CHARACTER,
    /** Top of the Author's Note (2); placed only when an Author's Note is. */
    AUTHORS_NOTE_TOP,
    /** Bottom of the Author's Note (3); placed only when an Author's Note is. */
    AUTHORS_NOTE_BOTTOM,
    /** In the chat history, some messages from the end, with a role (4). */
    AT_DEPTH,
    /** An outlet (7): only placed where a prompt asks for it by name. */
    OUTLET;

    /** SillyTavern's number, or the card's {@code before_char}/{@code after_char} when there is none. */
    public static LorePosition of(Integer number, String cardPosition) {
        if (number == null) {
            return "before_char".equals(cardPosition) ? BEFORE_CHARACTER : AFTER_CHARACTER;
        }
        return switch (number) {
            case 0 -> BEFORE_CHARACTER;
            case 2 -> AUTHORS_NOTE_TOP;
            case 3 -> AUTHORS_NOTE_BOTTOM;
            case 4 -> AT_DEPTH;
            case 7 -> OUTLET;
            default -> AFTER_CHARACTER;
        };
    }

    /** The name in JSON answers and flight records: {@code before_character}, {@code at_depth}, ... */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
