package io.tzurot.core.prompt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The author's note of this turn (empty when none is due) and the user's own system-prompt additions. Texts are
 * raw; the prompt resolves placeholders and escapes them.
 */
public record PromptNotes(Optional<AuthorsNoteInsert> authorsNote, List<UserPromptText> userPrompts) {

    /** Neither a note nor user prompts. */
    public static final PromptNotes NONE = new PromptNotes(Optional.empty(), List.of());

    public PromptNotes {
        authorsNote = Objects.requireNonNullElse(authorsNote, Optional.empty());
        userPrompts = List.copyOf(Objects.requireNonNullElse(userPrompts, List.of()));
    }

    /** These notes with the lorebook entries placed at the top and bottom of the author's note (if one is due). */
    public PromptNotes withNoteLore(List<String> top, List<String> bottom) {
        return new PromptNotes(authorsNote.map(n -> new AuthorsNoteInsert(n.text(), n.depth(), n.role(), n.source(),
                top, bottom)), userPrompts);
    }

    /**
     * An author's note put into the chat log this turn, with the lorebook entries positioned around it.
     *
     * @param text   the note (empty when none is set: the lore around it still goes in, as SillyTavern's)
     * @param depth  0 = after the newest message, d = before the d-th newest (before the oldest when the log is
     *               shorter)
     * @param role   {@code system}, {@code user} or {@code assistant}
     * @param source whose note: {@code user}, {@code channel}, {@code character} or {@code none}
     */
    public record AuthorsNoteInsert(String text, int depth, String role, String source, List<String> loreTop,
                                    List<String> loreBottom) {
        public AuthorsNoteInsert {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(source, "source");
            depth = Math.max(0, depth);
            loreTop = List.copyOf(Objects.requireNonNullElse(loreTop, List.of()));
            loreBottom = List.copyOf(Objects.requireNonNullElse(loreBottom, List.of()));
        }
    }

    /**
     * One user prompt.
     *
     * @param scope {@code all_characters} or {@code this_character}
     */
    public record UserPromptText(String scope, String text) {
        public UserPromptText {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(text, "text");
        }
    }
}
