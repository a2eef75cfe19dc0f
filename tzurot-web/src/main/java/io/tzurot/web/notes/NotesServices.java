package io.tzurot.web.notes;

import io.tzurot.core.notes.EditingAuthorsNotes;
import io.tzurot.core.notes.EditingUserPrompts;
import java.util.Objects;

/** What the author's-note and user-prompt routes and page call: the rules of core. */
public record NotesServices(EditingAuthorsNotes notes, EditingUserPrompts prompts) {
    public NotesServices {
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(prompts, "prompts");
    }
}
