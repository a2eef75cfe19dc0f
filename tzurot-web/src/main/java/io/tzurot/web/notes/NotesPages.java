package io.tzurot.web.notes;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.notes.AuthorsNote;
import io.tzurot.core.notes.EditingAuthorsNotes;
import io.tzurot.core.notes.EditingUserPrompts;
import io.tzurot.core.notes.NoteInput;
import io.tzurot.core.notes.NoteLimits;
import io.tzurot.core.notes.NoteOwner;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsoleForms;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Console → Settings → Author's note: the caller's own author's note and user prompt for every character (saved or
 * cleared in place; a refusal shows in the console's alert), and their per-character user prompts.
 */
public final class NotesPages {

    /** What the page shows. */
    public record View(boolean hasNote, String noteContent, int depth, String role, int frequency, int noteTokens,
                       boolean hasPrompt, String promptContent, int promptTokens,
                       List<EditingUserPrompts.Shown> perCharacter) {

        public int maxNoteTokens() {
            return NoteLimits.MAX_NOTE_TOKENS;
        }

        public int maxPromptTokens() {
            return NoteLimits.MAX_USER_PROMPT_TOKENS;
        }
    }

    private final Supplier<Optional<NotesServices>> services;
    private final ConsolePageMaker pages;

    public NotesPages(Supplier<Optional<NotesServices>> services, ConsolePageMaker pages) {
        this.services = services;
        this.pages = pages;
    }

    public void register(Javalin app) {
        app.get("/console/notes", this::page);
        app.put("/console/notes/note", this::saveNote);
        app.delete("/console/notes/note", this::clearNote);
        app.put("/console/notes/prompt", this::savePrompt);
        app.delete("/console/notes/prompt", this::clearPrompt);
    }

    private NotesServices services() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private static NoteOwner.Mine mine(Actor actor) {
        return new NoteOwner.Mine(actor, Optional.empty());
    }

    private void page(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        NotesServices s = services();
        Optional<EditingAuthorsNotes.Shown> note = s.notes().show(mine(actor));
        Optional<EditingUserPrompts.Shown> prompt = s.prompts().show(actor, Optional.empty());
        AuthorsNote n = note.map(EditingAuthorsNotes.Shown::note).orElse(null);
        View view = new View(note.isPresent(), n == null ? "" : n.content(),
                n == null ? AuthorsNote.DEFAULT_DEPTH : n.depth(),
                n == null ? AuthorsNote.DEFAULT_ROLE.wireName() : n.role().wireName(),
                n == null ? AuthorsNote.DEFAULT_FREQUENCY : n.frequency(), note.map(EditingAuthorsNotes.Shown::tokens)
                .orElse(0), prompt.isPresent(), prompt.map(p -> p.prompt().content()).orElse(""),
                prompt.map(EditingUserPrompts.Shown::tokens).orElse(0),
                s.prompts().mine(actor).stream().filter(p -> p.slug().isPresent()).toList());
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.page("Author's note", ConsoleSection.SETTINGS, actor));
        model.put("view", view);
        ConsoleForms.html(ctx, Templates.render("notes/notes.jte", model));
    }

    private void saveNote(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        services().notes().set(mine(actor), new NoteInput(ctx.formParam("content"),
                number("depth", ctx.formParam("depth"), NoteLimits.MAX_DEPTH),
                Optional.ofNullable(ctx.formParam("role")).filter(r -> !r.isBlank()).orElse(null),
                number("frequency", ctx.formParam("frequency"), NoteLimits.MAX_FREQUENCY)));
        ConsoleForms.redirect(ctx, "/console/notes");
    }

    private void clearNote(Context ctx) {
        services().notes().clear(mine(ConsoleForms.requireHtmx(ctx)));
        ConsoleForms.redirect(ctx, "/console/notes");
    }

    private void savePrompt(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        services().prompts().set(actor, Optional.empty(), Optional.ofNullable(ctx.formParam("content")).orElse(""));
        ConsoleForms.redirect(ctx, "/console/notes");
    }

    private void clearPrompt(Context ctx) {
        services().prompts().clear(ConsoleForms.requireHtmx(ctx), Optional.empty());
        ConsoleForms.redirect(ctx, "/console/notes");
    }

    /** An optional whole number of a form; core checks its range, this only that it is one. */
    private static Integer number(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return (int) Inputs.integer(field, value.strip(), -1, max + 1L);
    }
}
