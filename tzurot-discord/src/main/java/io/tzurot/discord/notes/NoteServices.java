package io.tzurot.discord.notes;

import io.tzurot.core.notes.EditingAuthorsNotes;
import io.tzurot.core.notes.EditingUserPrompts;
import java.util.Objects;

/** What {@code /note} calls: core's author's-note and user-prompt use cases. */
public record NoteServices(EditingAuthorsNotes notes, EditingUserPrompts prompts) {
    public NoteServices {
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(prompts, "prompts");
    }
}
