package io.tzurot.app.wiring;

import io.tzurot.ai.token.TiktokenCounter;
import io.tzurot.core.notes.EditingAuthorsNotes;
import io.tzurot.core.notes.EditingUserPrompts;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.web.notes.NotesServices;
import java.time.Clock;

/** Author's notes and user prompts: the use cases the web API, the console and {@code /note} call. */
final class NotesWiring {

    private NotesWiring() {
    }

    static EditingAuthorsNotes notes(Repositories repos, Clock clock) {
        return new EditingAuthorsNotes(repos.authorsNotes(),
                new ViewingPersonalities(repos.personalities()), new TiktokenCounter(), clock);
    }

    static EditingUserPrompts prompts(Repositories repos, Clock clock) {
        return new EditingUserPrompts(repos.userPrompts(),
                new ViewingPersonalities(repos.personalities()), repos.personalities(), new TiktokenCounter(), clock);
    }

    static NotesServices web(Repositories repos, Clock clock) {
        return new NotesServices(notes(repos, clock), prompts(repos, clock));
    }
}
