package io.tzurot.discord.memory;

import io.tzurot.core.access.Actor;
import io.tzurot.core.memory.ManagingMemories;
import io.tzurot.core.memory.Memory;
import io.tzurot.core.memory.MemoryHit;
import io.tzurot.core.memory.MemoryPage;
import io.tzurot.core.memory.MemoryWindow;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The views of {@code /memory}: stateless pages (each click reads again, spec discord.md §2.4), a memory's detail
 * with ✏️ Edit (a modal; the text is embedded again), 🔒 Lock, 🗑️ Delete (asked once more) and ◀️ Back, the
 * search results with their similarity, and the confirmations of a bulk delete (a button) and of a purge (the
 * typed phrase in a modal). Custom ids are {@code memory::{action}::…}; the list's place ({@code page::slug}) rides
 * along when it fits Discord's 100 characters.
 */
final class MemoryBrowser {

    static final int PAGE = 10;
    static final int SEARCH_DEFAULT = 5;
    static final int SEARCH_MAX = 10;
    private static final String NONE = "-";
    private static final int MAX_ID = 100;

    private final ManagingMemories memories;
    private final ViewingPersonalities personalities;

    MemoryBrowser(ManagingMemories memories, ViewingPersonalities personalities) {
        this.memories = memories;
        this.personalities = personalities;
    }

    /** Page {@code page} (from 0) of the caller's memories, with one character or all. */
    MessageEditData page(Actor actor, Optional<Personality> personality, int page) {
        ManagingMemories.Browse browse = memories.browse(actor, personality, page * PAGE, PAGE);
        MemoryPage items = browse.page();
        String slug = personality.map(Personality::slug).orElse(NONE);
        long pages = Math.max(1, (items.total() + PAGE - 1) / PAGE);
        StringBuilder text = new StringBuilder("🧠 Your memories").append(personality.map(p -> " with **"
                + p.shownName() + "**").orElse("")).append(": ").append(items.total()).append(" in all");
        if (items.items().isEmpty()) {
            return new MessageEditBuilder().setContent(text.append(".\nNothing here yet: memories are saved as you"
                    + " talk.").toString()).setComponents(List.of()).build();
        }
        text.append(" · page ").append(page + 1).append(" of ").append(pages);
        StringSelectMenu.Builder select = StringSelectMenu.create(id("pick", String.valueOf(page), slug))
                .setPlaceholder("Open a memory...");
        int n = page * PAGE;
        for (Memory m : items.items()) {
            n++;
            text.append("\n**").append(n).append(".** ").append(MemoryTexts.line(m));
            select.addOption(cut(n + ". " + MemoryTexts.preview(m, 90), 100), m.id().toString());
        }
        ActionRow nav = ActionRow.of(
                Button.secondary(id("page", String.valueOf(page - 1), slug), "◀️ Previous").withDisabled(page == 0),
                Button.secondary("memory::info", "Page " + (page + 1) + " of " + pages).asDisabled(),
                Button.secondary(id("page", String.valueOf(page + 1), slug), "Next ▶️")
                        .withDisabled(!items.hasMore()));
        return new MessageEditBuilder().setContent(text.toString())
                .setComponents(ActionRow.of(select.build()), nav).build();
    }

    /** The memories closest in meaning to {@code query}, each with its similarity score, date and channel. */
    MessageEditData search(Actor actor, Optional<Personality> personality, String query, int limit) {
        List<MemoryHit> hits = memories.search(actor, personality, query, limit);
        if (hits.isEmpty()) {
            return new MessageEditBuilder().setContent("🔎 No memory matches \"" + cut(query.strip(), 100) + "\".")
                    .build();
        }
        StringBuilder text = new StringBuilder("🔎 Memories closest to \"").append(cut(query.strip(), 100))
                .append("\":");
        StringSelectMenu.Builder select = StringSelectMenu.create(id("pick", "0",
                personality.map(Personality::slug).orElse(NONE))).setPlaceholder("Open a memory...");
        int n = 0;
        for (MemoryHit hit : hits) {
            n++;
            text.append("\n**").append(n).append(".** score ").append(String.format(java.util.Locale.ROOT, "%.2f",
                    hit.score())).append(" · **").append(hit.personalityName()).append("** · ")
                    .append(MemoryTexts.line(hit.memory()));
            select.addOption(cut(n + ". " + MemoryTexts.preview(hit.memory(), 90), 100), hit.memory().id().toString());
        }
        return new MessageEditBuilder().setContent(text.toString()).setComponents(ActionRow.of(select.build())).build();
    }

    /** How many memories a delete of {@code window} removes, with the button that does it. */
    MessageEditData deletePreview(Actor actor, Personality personality, MemoryWindow window) {
        long count = memories.countRecent(actor, personality, window);
        String span = window == MemoryWindow.ALL ? "ever" : "in the last " + window.code();
        if (count == 0) {
            return new MessageEditBuilder().setContent("ℹ️ You have no unlocked memories with **"
                    + personality.shownName() + "** saved " + span + ".").build();
        }
        return new MessageEditBuilder().setContent("⚠️ **Delete " + count + " memor" + (count == 1 ? "y" : "ies")
                        + " with " + personality.shownName() + "** saved " + span + "? Locked memories stay.")
                .setComponents(ActionRow.of(
                        Button.danger("memory::delete::" + window.code() + "::" + personality.slug(), "Delete " + count),
                        Button.secondary("memory::cancel", "Cancel"))).build();
    }

    /** The warning before a purge; its button opens the modal asking for the phrase. */
    MessageEditData purgeWarning(Personality personality) {
        return new MessageEditBuilder().setContent("⚠️ **Delete every memory with " + personality.shownName()
                        + "?** Locked memories stay; the rest cannot be brought back.\nTo go ahead, press the button and"
                        + " type **" + ManagingMemories.purgePhrase(personality) + "**.")
                .setComponents(ActionRow.of(Button.danger("memory::purge::" + personality.slug(),
                        "I Understand - Proceed"))).build();
    }

    void component(ComponentCall call) {
        Actor actor = call.caller().actor();
        switch (call.part(1)) {
            case "page" -> call.update(page(actor, slug(call, 3), pageNumber(call.part(2))));
            case "pick" -> call.update(detail(actor, uuid(call.values().isEmpty() ? "" : call.values().get(0)),
                    place(call, 2)));
            case "view" -> call.update(detail(actor, uuid(call.part(2)), place(call, 3)));
            case "lock" -> {
                Memory m = memories.own(actor, uuid(call.part(2)));
                memories.setLocked(actor, m.id(), !m.locked());
                call.update(detail(actor, m.id(), place(call, 3)));
            }
            case "edit" -> {
                Memory m = memories.own(actor, uuid(call.part(2)));
                if (m.content().length() > ManagingMemories.MAX_CONTENT) {
                    // Discord's form cannot hold it, and an edit keeps at most MAX_CONTENT characters
                    throw new CommandFailure("❌ This memory is " + m.content().length() + " characters long; only"
                            + " memories of up to " + ManagingMemories.MAX_CONTENT + " characters can be edited here.");
                }
                call.openModal(Modal.create("memory::edited::" + m.id(), "Edit memory").addComponents(Label.of("Memory",
                        TextInput.create("content", TextInputStyle.PARAGRAPH).setRequired(true)
                                .setMaxLength(ManagingMemories.MAX_CONTENT).setValue(m.content()).build())).build());
            }
            case "edited" -> {
                Memory m = memories.edit(actor, uuid(call.part(2)), call.field("content"));
                call.reply("✏️ Memory saved; it is searched by its new text now:\n>>> " + MemoryTexts.preview(m, 1500));
            }
            case "remove" -> call.update(new MessageEditBuilder().setContent("⚠️ Delete this memory for good?\n>>> "
                    + MemoryTexts.preview(memories.own(actor, uuid(call.part(2))), 300)).setComponents(ActionRow.of(
                    Button.danger(id("removed", call.part(2), place(call, 3)), "Yes, Delete"),
                    Button.secondary(id("view", call.part(2), place(call, 3)), "Cancel"))).build());
            case "removed" -> {
                memories.delete(actor, uuid(call.part(2)));
                String[] place = place(call, 3).split("::", 2);
                MessageEditData list = page(actor, slug(place.length > 1 ? place[1] : NONE, actor),
                        pageNumber(place[0]));
                call.update(new MessageEditBuilder().applyData(list).setContent("🗑️ Memory deleted.\n"
                        + list.getContent()).build());
            }
            case "delete" -> {
                Personality p = personalities.visible(actor, call.part(3));
                int deleted = memories.deleteRecent(actor, p, MemoryWindow.parse("timeframe", call.part(2),
                        MemoryWindow.DELETE));
                call.update(new MessageEditBuilder().setContent("🗑️ Deleted " + deleted + " memor"
                        + (deleted == 1 ? "y" : "ies") + " with **" + p.shownName() + "**.").setComponents(List.of())
                        .build());
            }
            case "purge" -> {
                Personality p = personalities.visible(actor, call.part(2));
                call.openModal(Modal.create("memory::purged::" + p.slug(), "Delete all memories").addComponents(
                        Label.of("Type " + cut(ManagingMemories.purgePhrase(p), 40), TextInput.create("confirm",
                                TextInputStyle.SHORT).setRequired(true).setMaxLength(150).build())).build());
            }
            case "purged" -> {
                Personality p = personalities.visible(actor, call.part(2));
                int deleted = memories.purge(actor, p, call.field("confirm"));
                call.reply("🗑️ Deleted " + deleted + " memor" + (deleted == 1 ? "y" : "ies") + " with **"
                        + p.shownName() + "**.");
            }
            case "cancel" -> call.update(new MessageEditBuilder().setContent("Cancelled: nothing was deleted.")
                    .setComponents(List.of()).build());
            default -> throw new CommandFailure("Unknown interaction!");
        }
    }

    /** One memory with its date, channel and lock, and the buttons that act on it. */
    private MessageEditData detail(Actor actor, UUID id, String place) {
        Memory m = memories.own(actor, id);
        String head = io.tzurot.core.summaries.SummaryLabel.of(m).map(l -> "**" + l + "**").orElse("🧠 **Memory**")
                + (m.summarizedBy() != null ? " · 📜 summarized (a summary stands for it in replies)" : "");
        String text = head + " · " + MemoryTexts.when(m.createdAt()) + " · in " + MemoryTexts.channel(m)
                + (m.locked() ? " · 🔒 locked" : "") + (m.updatedAt().isAfter(m.createdAt()) ? " · edited "
                + MemoryTexts.when(m.updatedAt(), "R") : "") + "\n>>> " + MemoryTexts.preview(m, 1700);
        List<Button> buttons = new ArrayList<>(List.of(
                Button.primary("memory::edit::" + m.id(), "✏️ Edit"),
                Button.secondary(id("lock", m.id().toString(), place), m.locked() ? "🔓 Unlock" : "🔒 Lock"),
                Button.danger(id("remove", m.id().toString(), place), "🗑️ Delete")));
        String[] parts = place.split("::", 2);
        buttons.add(Button.secondary(id("page", parts[0], parts.length > 1 ? parts[1] : NONE), "◀️ Back to List"));
        // only the kept text is rendered with the markdown of a quote; nothing else to attach
        return new MessageEditBuilder().setContent(text).setComponents(ActionRow.of(buttons)).build();
    }

    /** {@code page::slug} from part {@code from} on, or page 0 of everything. */
    private static String place(ComponentCall call, int from) {
        String page = call.part(from).isEmpty() ? "0" : call.part(from);
        String slug = call.part(from + 1).isEmpty() ? NONE : call.part(from + 1);
        return page + "::" + slug;
    }

    private Optional<Personality> slug(ComponentCall call, int index) {
        return slug(call.part(index), call.caller().actor());
    }

    private Optional<Personality> slug(String slug, Actor actor) {
        return slug.isEmpty() || slug.equals(NONE) ? Optional.empty() : Optional.of(personalities.visible(actor, slug));
    }

    /** {@code memory::{action}::{parts}}, dropping the list's place when the id would pass Discord's limit. */
    private static String id(String action, String first, String rest) {
        String full = "memory::" + action + "::" + first + "::" + rest;
        if (full.length() <= MAX_ID) {
            return full;
        }
        String shorter = "memory::" + action + "::" + first + "::0::" + NONE;
        return shorter.length() <= MAX_ID ? shorter : "memory::" + action + "::" + first;
    }

    private static int pageNumber(String raw) {
        try {
            return Math.max(0, Integer.parseInt(raw));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("❌ That memory was not found.");
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
