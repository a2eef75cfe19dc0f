package io.tzurot.web.lore;

import io.tzurot.web.console.FormError;
import java.util.List;

/**
 * The editor's attach/detach form: the caller's personas to choose from, whether the caller is the bot owner (who
 * alone attaches to a channel from the web, or to everything), and the last change's outcome.
 */
public record AttachPanel(String bookId, List<PersonaOption> personas, boolean owner, String done, FormError error) {

    /** A persona in the form's select. */
    public record PersonaOption(String id, String name) {
    }
}
