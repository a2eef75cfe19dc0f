package io.tzurot.core.notes;

import java.time.Instant;
import java.util.Objects;

/**
 * An author's note: text put into the chat log {@code depth} messages from its end with a role, on every
 * {@code frequency}-th user message (0 = never, 1 = every turn), as SillyTavern's.
 */
public record AuthorsNote(NoteScope scope, String content, int depth, NoteRole role, int frequency, Instant updatedAt) {

    /** SillyTavern's defaults: four messages from the end, as the system, every turn. */
    public static final int DEFAULT_DEPTH = 4;
    public static final NoteRole DEFAULT_ROLE = NoteRole.SYSTEM;
    public static final int DEFAULT_FREQUENCY = 1;

    public AuthorsNote {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Whether the note goes into the prompt when the conversation holds {@code userTurns} user messages. */
    public boolean dueAt(long userTurns) {
        return due(frequency, userTurns);
    }

    /** SillyTavern's interval rule: 1 = always; 0 (or no user message yet) = never; else every n-th user message. */
    public static boolean due(int frequency, long userTurns) {
        if (frequency == 1) {
            return true;
        }
        return frequency > 0 && userTurns > 0 && userTurns % frequency == 0;
    }
}
