package io.tzurot.core.prompt;

import java.util.List;

/**
 * What the author's note and the user prompts took in one prompt (for the diagnostic record).
 *
 * @param authorsNote the note placed in the chat log, or null when none was
 * @param userPrompts the user prompts shown, in prompt order
 */
public record NotesReport(AuthorsNotePlaced authorsNote, List<UserPromptPlaced> userPrompts) {

    /** Nothing placed. */
    public static final NotesReport NONE = new NotesReport(null, List.of());

    public NotesReport {
        userPrompts = List.copyOf(userPrompts == null ? List.of() : userPrompts);
    }

    /**
     * The note's place.
     *
     * @param depth      the depth asked for
     * @param position   where it went: how many chat-log messages follow it (less than depth when the log was shorter)
     * @param tokens     the tokens of its chat-log line, lore around it included
     * @param loreTop    lorebook entries at its top
     * @param loreBottom lorebook entries at its bottom
     */
    public record AuthorsNotePlaced(String source, int depth, int position, String role, int tokens, int loreTop,
                                    int loreBottom) {
    }

    /** A user prompt shown and the tokens its element took. */
    public record UserPromptPlaced(String scope, int tokens) {
    }
}
