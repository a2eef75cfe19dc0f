package io.tzurot.web.lore;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.lorebook.EntryDraft;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.lorebook.activation.TestingLorebook;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsoleForms;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.FormError;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.DomainErrors;
import io.tzurot.web.http.Inputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Console → Lorebooks: the caller's books (create), and one book's editor (rename, delete, entries with every
 * setting, attach/detach, and the "test these keywords" panel). Changes come through htmx; a refusal shows the
 * form again with the error next to its field, and nothing is written. The rules are core's.
 */
public final class LorebookPages {

    private static final String BASE = "/console/lorebooks";

    private final Supplier<Optional<LoreConsoleServices>> services;
    private final ConsolePageMaker pages;

    public LorebookPages(Supplier<Optional<LoreConsoleServices>> services, ConsolePageMaker pages) {
        this.services = services;
        this.pages = pages;
    }

    public void register(Javalin app) {
        app.get(BASE, this::list);
        app.post(BASE, this::create);
        app.get(BASE + "/{id}", this::editor);
        app.post(BASE + "/{id}/rename", this::rename);
        app.delete(BASE + "/{id}", this::delete);
        app.post(BASE + "/{id}/entries", this::addEntry);
        app.post(BASE + "/{id}/entries/{n}", this::editEntry);
        app.delete(BASE + "/{id}/entries/{n}", this::removeEntry);
        app.post(BASE + "/{id}/attachments", this::attachment);
        app.post(BASE + "/{id}/test", this::test);
    }

    private LoreConsoleServices s() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.page("Lorebooks", ConsoleSection.LOREBOOKS, actor));
        model.put("books", s().editing().list(actor));
        model.put("name", "");
        model.put("error", FormError.NONE);
        ConsoleForms.html(ctx, Templates.render("lorebooks/list.jte", model));
    }

    private String createForm(String name, FormError error) {
        return Templates.render("lorebooks/create.jte", Map.of("name", name, "error", error));
    }

    private void create(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        ConsoleForms.submit(ctx, () -> {
            Lorebook book = s().editing().create(actor, name);
            ConsoleForms.redirect(ctx, BASE + "/" + book.id());
        }, error -> createForm(name, error));
    }

    private void editor(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Lorebook book = s().editing().view(actor, bookId(ctx));
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.page(book.name(), ConsoleSection.LOREBOOKS, actor));
        model.put("book", book);
        List<EntryForm> entryForms = new ArrayList<>();
        List<LorebookEntry> entries = book.content().entries();
        for (int i = 0; i < entries.size(); i++) {
            entryForms.add(withSummary(EntryForm.of(book.id().toString(), i + 1, EntryDraft.of(entries.get(i))),
                    entries.get(i), false));
        }
        model.put("entries", entryForms);
        model.put("newEntry", EntryForm.blank(book.id().toString()));
        model.put("attach", attachModel(actor, book, null, FormError.NONE));
        ConsoleForms.html(ctx, Templates.render("lorebooks/editor.jte", model));
    }

    private String renameForm(String id, String name, FormError error, boolean saved) {
        return Templates.render("lorebooks/rename.jte", Map.of("id", id, "name", name, "error", error,
                "saved", saved));
    }

    private static String entryForm(EntryForm form) {
        return Templates.render("lorebooks/entry.jte", Map.of("form", form));
    }

    /** The form with its heading (the entry's label) and whether it was just saved. */
    private static EntryForm withSummary(EntryForm form, LorebookEntry stored, boolean saved) {
        Map<String, String> values = new HashMap<>(form.values());
        values.put(EntryForm.SUMMARY, summary(stored));
        if (saved) {
            values.put(EntryForm.SAVED, "true");
        }
        return new EntryForm(form.bookId(), form.number(), values, form.error());
    }

    private static String summary(LorebookEntry e) {
        String label = e.comment() != null && !e.comment().isBlank() ? e.comment()
                : e.keys().isEmpty() ? "(no keys)" : String.join(", ", e.keys());
        return label.length() > 80 ? label.substring(0, 80) + "…" : label;
    }

    private void rename(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = bookId(ctx);
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        ConsoleForms.submit(ctx, () -> {
            Lorebook book = s().editing().rename(actor, id, name);
            ConsoleForms.html(ctx, renameForm(id.toString(), book.name(), FormError.NONE, true));
        }, error -> renameForm(id.toString(), name, error, false));
    }

    private void delete(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        s().editing().delete(actor, bookId(ctx));
        ConsoleForms.redirect(ctx, BASE);
    }

    private void addEntry(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = bookId(ctx);
        ConsoleForms.submit(ctx, () -> {
            Lorebook book = s().editing().addEntry(actor, id, EntryForm.draft(ctx));
            int added = book.content().entries().size();
            // a query, not only a fragment: a fragment alone would scroll the open page instead of loading it
            ConsoleForms.redirect(ctx, BASE + "/" + id + "?added=" + added + "#entry-" + added);
        }, error -> entryForm(EntryForm.typed(id.toString(), 0, ctx, error)));
    }

    private void editEntry(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = bookId(ctx);
        int number = number(ctx);
        ConsoleForms.submit(ctx, () -> {
            Lorebook book = s().editing().editEntry(actor, id, number, EntryForm.draft(ctx));
            LorebookEntry saved = book.content().entries().get(number - 1);
            ConsoleForms.html(ctx, entryForm(withSummary(EntryForm.of(id.toString(), number, EntryDraft.of(saved)),
                    saved, true)));
        }, error -> entryForm(EntryForm.typed(id.toString(), number, ctx, error)));
    }

    private void removeEntry(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = bookId(ctx);
        s().editing().removeEntry(actor, id, number(ctx));
        ConsoleForms.redirect(ctx, BASE + "/" + id);
    }

    private void attachment(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = bookId(ctx);
        Lorebook book = s().editing().view(actor, id);
        boolean attach = !"detach".equals(ctx.formParam("action"));
        String to = Optional.ofNullable(ctx.formParam("to")).orElse("");
        ConsoleForms.submit(ctx, () -> {
            String where = attach(actor, book, to, ctx, attach);
            ConsoleForms.html(ctx, attachPanel(attachModel(actor, book, (attach ? "Attached: it now fires for "
                    : "Detached: it no longer fires for ") + where + ".", FormError.NONE)));
        }, error -> attachPanel(attachModel(actor, book, null, error)));
    }

    private String attach(Actor actor, Lorebook book, String to, Context ctx, boolean attach) {
        LoreConsoleServices s = s();
        switch (to) {
            case "character" -> {
                String slug = Optional.ofNullable(ctx.formParam("character")).orElse("").strip();
                if (slug.isEmpty()) {
                    throw DomainException.invalid("character", "Name the character (its slug).");
                }
                if (attach) {
                    s.files().attach(actor, book.id(), slug);
                } else {
                    s.files().detach(actor, book.id(), slug);
                }
                return "the character " + slug;
            }
            case "persona" -> {
                UUID persona = Inputs.uuid("persona", Optional.ofNullable(ctx.formParam("persona")).orElse(""));
                if (attach) {
                    s.lore().attaching().attachToPersona(actor, book.id(), persona);
                } else {
                    s.lore().attaching().detachFromPersona(actor, book.id(), persona);
                }
                return "that persona";
            }
            case "channel" -> {
                String channel = Optional.ofNullable(ctx.formParam("channel")).orElse("");
                if (attach) {
                    s.lore().attaching().attachToChannelAsOperator(actor, channel, book.id());
                } else {
                    s.lore().attaching().detachFromChannelAsOperator(actor, channel, book.id());
                }
                return "the channel " + channel.strip();
            }
            case "everything" -> {
                if (attach) {
                    s.lore().attaching().attachGlobally(actor, book.id());
                } else {
                    s.lore().attaching().detachGlobally(actor, book.id());
                }
                return "every reply";
            }
            default -> throw DomainException.invalid("to", "Choose where: a character, a persona, a channel or"
                    + " everything.");
        }
    }

    private AttachPanel attachModel(Actor actor, Lorebook book, String done, FormError error) {
        return new AttachPanel(book.id().toString(), s().personas().listByOwner(actor.userId()).stream()
                .map(p -> new AttachPanel.PersonaOption(p.id().toString(), p.name())).toList(), actor.owner(),
                done == null ? "" : done, error);
    }

    private static String attachPanel(AttachPanel panel) {
        return Templates.render("lorebooks/attach.jte", Map.of("panel", panel));
    }

    private void test(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = bookId(ctx);
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("");
        Map<String, Object> model = new HashMap<>();
        try {
            model.put("result", s().lore().testing().test(actor, id, text, null));
            model.put("error", "");
        } catch (DomainException e) {
            ApiException api = DomainErrors.toApi(e);
            ctx.status(api.status());
            model.put("result", null);
            model.put("error", api.getMessage());
        }
        model.put("window", TestingLorebook.DEFAULT_WINDOW);
        ConsoleForms.html(ctx, Templates.render("lorebooks/testResult.jte", model));
    }

    private static UUID bookId(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Lorebook '" + ctx.pathParam("id") + "'");
        }
    }

    private static int number(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Entry '" + ctx.pathParam("n") + "'");
        }
    }
}
