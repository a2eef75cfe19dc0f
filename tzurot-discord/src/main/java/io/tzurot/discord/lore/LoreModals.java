package io.tzurot.discord.lore;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.lorebook.EditingLorebooks;
import io.tzurot.core.lorebook.EntryDraft;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import java.util.UUID;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The modals of {@code /lorebook}: an entry's keys, secondary keys, content and comment (long text does not fit
 * options), and the typed confirmation of a deletion. Custom ids: {@code lorebook::entry::<book>::<number>} (0 = a
 * new entry) and {@code lorebook::delete::<book>}.
 */
final class LoreModals {

    /** Discord's longest text input. */
    static final int MAX_INPUT = 4_000;

    private LoreModals() {
    }

    static Modal delete(Lorebook book) {
        return Modal.create("lorebook::delete::" + book.id(), title("Delete " + book.name())).addComponents(
                Label.of("Type " + EditingLorebooks.CONFIRMATION + " to delete it for good",
                        TextInput.create("confirm", TextInputStyle.SHORT).setRequired(true).setMaxLength(20).build()))
                .build();
    }

    /** The entry form, empty for a new entry or holding entry {@code number}'s text. */
    static Modal entry(Lorebook book, int number, LorebookEntry existing) {
        EntryDraft d = existing == null ? null : EntryDraft.of(existing);
        if (d != null && d.content().length() > MAX_INPUT) {
            throw new CommandFailure("❌ Entry #" + number + "'s content is " + d.content().length()
                    + " characters, more than a Discord form holds (" + MAX_INPUT + "); edit it in the web console.");
        }
        TextInput.Builder keys = TextInput.create("keys", TextInputStyle.PARAGRAPH).setRequired(false)
                .setMaxLength(MAX_INPUT).setPlaceholder("moon, lunar — a regex key /pattern/i on its own line");
        TextInput.Builder secondary = TextInput.create("secondaryKeys", TextInputStyle.PARAGRAPH).setRequired(false)
                .setMaxLength(MAX_INPUT).setPlaceholder("optional; the logic is set with /lorebook entry set");
        TextInput.Builder content = TextInput.create("content", TextInputStyle.PARAGRAPH).setRequired(true)
                .setMaxLength(MAX_INPUT);
        TextInput.Builder comment = TextInput.create("comment", TextInputStyle.SHORT).setRequired(false)
                .setMaxLength(EditingLorebooks.MAX_COMMENT);
        if (d != null) {
            setIfAny(keys, d.keys());
            setIfAny(secondary, d.secondaryKeys());
            setIfAny(content, d.content());
            setIfAny(comment, d.comment());
        }
        return Modal.create("lorebook::entry::" + book.id() + "::" + number,
                        title((number == 0 ? "New entry in " : "Entry #" + number + " of ") + book.name()))
                .addComponents(Label.of("Keys (comma-separated)", keys.build()),
                        Label.of("Secondary keys", secondary.build()),
                        Label.of("Content (what goes into the prompt)", content.build()),
                        Label.of("Comment (a label, never prompted)", comment.build()))
                .build();
    }

    private static void setIfAny(TextInput.Builder input, String value) {
        if (value != null && !value.isBlank()) {
            input.setValue(value);
        }
    }

    /** A submitted modal: the entry saved, or the book deleted. */
    static void submit(ComponentCall call, LoreServices services) {
        if (!call.isModal()) {
            throw new CommandFailure("Unknown interaction!");
        }
        EditingLorebooks editing = services.editing();
        UUID bookId = id(call.part(2));
        switch (call.part(1)) {
            case "delete" -> {
                Lorebook gone = editing.deleteConfirmed(call.caller().actor(), bookId, call.field("confirm"));
                call.reply("🗑️ Deleted **" + gone.name() + "** and its " + gone.content().entries().size()
                        + " entries; it no longer fires anywhere.");
            }
            case "entry" -> {
                int number = parse(call.part(3));
                EntryDraft draft = EntryDraft.text(call.field("keys"), call.field("secondaryKeys"),
                        call.field("content"), call.field("comment"));
                Lorebook saved = number == 0 ? editing.addEntry(call.caller().actor(), bookId, draft)
                        : editing.editEntry(call.caller().actor(), bookId, number, draft);
                int shown = number == 0 ? saved.content().entries().size() : number;
                call.reply("✅ " + (number == 0 ? "Added" : "Saved") + " entry #" + shown + " of **" + saved.name()
                        + "**.\n" + LoreTexts.entryLine(shown, saved.content().entries().get(shown - 1)));
            }
            default -> throw new CommandFailure("Unknown interaction!");
        }
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("Lorebook '" + text + "'");
        }
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new CommandFailure("Unknown interaction!");
        }
    }

    private static String title(String text) {
        return text.length() > 45 ? text.substring(0, 44) + "…" : text;
    }
}
