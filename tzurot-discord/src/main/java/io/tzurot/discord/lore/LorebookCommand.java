package io.tzurot.discord.lore;

import io.tzurot.core.access.Actor;
import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.lorebook.EditingLorebooks;
import io.tzurot.core.lorebook.EntryDraft;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.lorebook.LorebookSummary;
import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.discord.command.AutocompleteCall;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import io.tzurot.discord.command.Deferral;
import io.tzurot.discord.command.SlashCommand;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * {@code /lorebook create | list | view | rename | delete | attach | detach | test} and {@code /lorebook entry add |
 * edit | set | remove}. Books are named by autocomplete (value: the id) or by name. Entries' text goes through
 * modals ({@link LoreModals}); the rules are core's: {@link EditingLorebooks} for books and entries,
 * {@code AttachingLorebooks} for personas, channels and everything, {@code LorebookFiles} for characters.
 */
public final class LorebookCommand implements SlashCommand {

    private static final Set<String> MODAL_FIRST = Set.of("lorebook delete", "lorebook entry add",
            "lorebook entry edit");

    private final Optional<LoreServices> services;
    private final CharacterChoices characters;

    public LorebookCommand(Optional<LoreServices> services, CharacterChoices characters) {
        this.services = Objects.requireNonNull(services, "services");
        this.characters = Objects.requireNonNull(characters, "characters");
    }

    @Override
    public String name() {
        return "lorebook";
    }

    @Override
    public String category() {
        return "📚 Lorebooks";
    }

    @Override
    public Deferral deferral(String path) {
        return MODAL_FIRST.contains(path) ? Deferral.MODAL : Deferral.EPHEMERAL;
    }

    @Override
    public SlashCommandData definition() {
        OptionData target = new OptionData(OptionType.STRING, "to", "Where: a character, your persona, this channel"
                + " or everything (bot owner)", true).addChoice("character", "character")
                .addChoice("persona", "persona").addChoice("channel", "channel").addChoice("everything", "everything");
        OptionData character = new OptionData(OptionType.STRING, "character", "The character (with to:character)",
                false, true);
        return Commands.slash("lorebook", "Your lorebooks (world info): entries that enter the prompt on keywords")
                .addSubcommands(
                        new SubcommandData("create", "Start a new, empty lorebook").addOptions(
                                new OptionData(OptionType.STRING, "name", "Its name", true).setMaxLength(255)),
                        new SubcommandData("list", "Your lorebooks"),
                        new SubcommandData("view", "A lorebook's entries").addOptions(book()),
                        new SubcommandData("rename", "Rename a lorebook").addOptions(book(),
                                new OptionData(OptionType.STRING, "name", "The new name", true).setMaxLength(255)),
                        new SubcommandData("delete", "Delete a lorebook for good (you type DELETE)").addOptions(book()),
                        new SubcommandData("attach", "Make a lorebook fire for a character, your persona, this"
                                + " channel or everything").addOptions(book(), target, character),
                        new SubcommandData("detach", "Stop a lorebook firing there").addOptions(book(), target,
                                character),
                        new SubcommandData("test", "Which entries fire on a text, and why").addOptions(book(),
                                new OptionData(OptionType.STRING, "text", "The text to scan", true).setMaxLength(4000)))
                .addSubcommandGroups(new SubcommandGroupData("entry", "A lorebook's entries").addSubcommands(
                        new SubcommandData("add", "Add an entry (a form for keys and content)").addOptions(book()),
                        new SubcommandData("edit", "Edit an entry's keys and content (a form)").addOptions(book(),
                                entry()),
                        new SubcommandData("set", "Change an entry's settings").addOptions(book(), entry())
                                .addOptions(LoreSettingsOptions.options()),
                        new SubcommandData("remove", "Remove an entry").addOptions(book(), entry())));
    }

    private static OptionData book() {
        return new OptionData(OptionType.STRING, "book", "The lorebook", true, true);
    }

    private static OptionData entry() {
        return new OptionData(OptionType.INTEGER, "entry", "The entry's number (see /lorebook view)", true)
                .setMinValue(1);
    }

    @Override
    public void run(CommandCall call) {
        LoreServices s = services();
        Caller caller = call.caller();
        Actor actor = caller.actor();
        EditingLorebooks editing = s.editing();
        switch (call.path()) {
            case "lorebook create" -> {
                Lorebook book = editing.create(actor, call.option("name").orElse(""));
                call.answer("✅ Created **" + book.name() + "** · `" + LoreTexts.shortId(book) + "`. Add entries with"
                        + " `/lorebook entry add`, then `/lorebook attach` it where it should fire.");
            }
            case "lorebook list" -> call.answer(LoreTexts.list(editing.list(actor)));
            case "lorebook view" -> call.answer(LoreTexts.view(book(call)));
            case "lorebook rename" -> {
                Lorebook book = editing.rename(actor, book(call).id(), call.option("name").orElse(""));
                call.answer("✅ Renamed to **" + book.name() + "**.");
            }
            case "lorebook delete" -> call.openModal(LoreModals.delete(book(call)));
            case "lorebook attach", "lorebook detach" -> call.answer(attachment(call, s,
                    call.path().equals("lorebook attach")));
            case "lorebook test" -> {
                Lorebook book = book(call);
                call.answer(LoreTexts.test(book, s.lore().testing().test(actor, book.id(),
                        call.option("text").orElse(""), null)));
            }
            case "lorebook entry add" -> call.openModal(LoreModals.entry(book(call), 0, null));
            case "lorebook entry edit" -> {
                Lorebook book = book(call);
                int number = number(call);
                call.openModal(LoreModals.entry(book, number, editing.entry(actor, book.id(), number)));
            }
            case "lorebook entry set" -> {
                Lorebook book = book(call);
                int number = number(call);
                EntryDraft draft = LoreSettingsOptions.draft(call);
                Lorebook saved = editing.editEntry(actor, book.id(), number, draft);
                call.answer("✅ Entry #" + number + " of **" + saved.name() + "** changed.\n"
                        + LoreTexts.entryLine(number, saved.content().entries().get(number - 1)));
            }
            case "lorebook entry remove" -> {
                Lorebook book = book(call);
                int number = number(call);
                LorebookEntry removed = editing.removeEntry(actor, book.id(), number);
                call.answer("🗑️ Removed entry #" + number + " of **" + book.name() + "** ("
                        + LoreTexts.preview(removed.content(), 60) + "). Later entries moved up by one.");
            }
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    @Override
    public void component(ComponentCall call) {
        LoreModals.submit(call, services());
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        if (call.focusedOption().equals("character")) {
            return characters.editable(call.caller(), call.typed());
        }
        if (!call.focusedOption().equals("book") || services.isEmpty()) {
            return List.of();
        }
        String typed = call.typed().toLowerCase(Locale.ROOT);
        return services.get().editing().list(call.caller().actor()).stream()
                .filter(b -> b.name().toLowerCase(Locale.ROOT).contains(typed)).limit(25)
                .map(b -> new Command.Choice(trim(b.name() + " (" + b.entryCount() + ")"), b.id().toString()))
                .toList();
    }

    private static String trim(String label) {
        return label.length() > 100 ? label.substring(0, 99) + "…" : label;
    }

    private String attachment(CommandCall call, LoreServices s, boolean attach) {
        Lorebook book = book(call);
        Caller caller = call.caller();
        Actor actor = caller.actor();
        String to = call.option("to").orElse("");
        String where;
        switch (to) {
            case "character" -> {
                String slug = call.option("character").orElseThrow(() -> DomainException.invalid("character",
                        "Name the character (its slug) with to:character."));
                if (attach) {
                    s.files().attach(actor, book.id(), slug);
                } else {
                    s.files().detach(actor, book.id(), slug);
                }
                where = "the character `" + slug + "`";
            }
            case "persona" -> {
                UUID persona = caller.user().defaultPersona().orElseThrow(() -> DomainException.notFound(
                        "Your default persona"));
                if (attach) {
                    s.lore().attaching().attachToPersona(actor, book.id(), persona);
                } else {
                    s.lore().attaching().detachFromPersona(actor, book.id(), persona);
                }
                where = "your default persona";
            }
            case "channel" -> {
                ChannelCaller channel = new ChannelCaller(actor, caller.parentChannelId().orElse(caller.channelId()),
                        caller.guildId().orElse(null), caller.manageMessages(), caller.guildOwner());
                if (attach) {
                    s.lore().attaching().attachToChannel(channel, book.id());
                } else {
                    s.lore().attaching().detachFromChannel(channel, book.id());
                }
                where = "this channel";
            }
            case "everything" -> {
                if (attach) {
                    s.lore().attaching().attachGlobally(actor, book.id());
                } else {
                    s.lore().attaching().detachGlobally(actor, book.id());
                }
                where = "every reply";
            }
            default -> throw DomainException.invalid("to", "'to' is character, persona, channel or everything.");
        }
        return attach ? "📎 **" + book.name() + "** now fires for " + where + "."
                : "✂️ **" + book.name() + "** no longer fires for " + where + ".";
    }

    /** The book named by the {@code book} option: an id (from autocomplete) or one of the caller's books by name. */
    private Lorebook book(CommandCall call) {
        String typed = call.option("book").orElseThrow(() -> DomainException.invalid("book", "Name the lorebook."));
        EditingLorebooks editing = services().editing();
        Actor actor = call.caller().actor();
        try {
            return editing.view(actor, UUID.fromString(typed));
        } catch (IllegalArgumentException notAnId) {
            List<LorebookSummary> named = editing.list(actor).stream().filter(b -> b.name().equalsIgnoreCase(typed)
                    || b.id().toString().startsWith(typed.toLowerCase(Locale.ROOT)) && typed.length() >= 8).toList();
            if (named.size() != 1) {
                throw DomainException.notFound("Your lorebook '" + typed + "'");
            }
            return editing.view(actor, named.get(0).id());
        }
    }

    private static int number(CommandCall call) {
        String raw = call.option("entry").orElseThrow(() -> DomainException.invalid("entry", "Give the entry's number."));
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("entry", "'entry' is the entry's number, as /lorebook view shows it.");
        }
    }

    private LoreServices services() {
        return services.orElseThrow(() -> new CommandFailure("❌ Lorebook commands are not available on this bot."));
    }
}
