package io.tzurot.discord.notes;

import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.notes.AuthorsNote;
import io.tzurot.core.notes.EditingAuthorsNotes;
import io.tzurot.core.notes.EditingUserPrompts;
import io.tzurot.core.notes.NoteInput;
import io.tzurot.core.notes.NoteLimits;
import io.tzurot.core.notes.NoteOwner;
import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.discord.command.AutocompleteCall;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import io.tzurot.discord.command.Deferral;
import io.tzurot.discord.command.SlashCommand;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.modals.Modal;

/**
 * {@code /note set | show | clear} (an author's note: yours, a character's or this channel's) and
 * {@code /note prompt set | show | clear} (your own user prompt, for one character or all). The texts are typed in a
 * modal; who may do what and what is valid are core's ({@code EditingAuthorsNotes}, {@code EditingUserPrompts}).
 */
public final class NoteCommand implements SlashCommand {

    /** The longest text a Discord modal takes. */
    static final int MODAL_MAX = 4000;
    private static final String NONE = "-";

    private final NoteServices services;
    private final CharacterChoices characters;

    public NoteCommand(NoteServices services, CharacterChoices characters) {
        this.services = Objects.requireNonNull(services, "services");
        this.characters = Objects.requireNonNull(characters, "characters");
    }

    @Override
    public String name() {
        return "note";
    }

    @Override
    public String category() {
        return "📝 Prompting";
    }

    @Override
    public SlashCommandData definition() {
        OptionData scope = new OptionData(OptionType.STRING, "scope", "Whose note: yours, the character's or this channel's",
                true).addChoice("me", "me").addChoice("character", "character").addChoice("channel", "channel");
        OptionData character = new OptionData(OptionType.STRING, "character",
                "The character (for 'me': only with that character; none = all characters)", false, true);
        OptionData promptCharacter = new OptionData(OptionType.STRING, "character",
                "Only with this character (none = every character)", false, true);
        return Commands.slash("note", "Author's notes and your own user prompts").addSubcommands(
                new SubcommandData("set", "Write an author's note (a modal asks for the text)").addOptions(scope,
                        character,
                        new OptionData(OptionType.INTEGER, "depth", "Messages from the end (0 = after the newest; default 4)",
                                false).setRequiredRange(0, NoteLimits.MAX_DEPTH),
                        new OptionData(OptionType.STRING, "role", "Who the note speaks as (default system)", false)
                                .addChoice("system", "system").addChoice("user", "user")
                                .addChoice("assistant", "assistant"),
                        new OptionData(OptionType.INTEGER, "frequency",
                                "Every n-th of your messages (0 = never, 1 = every message; default 1)", false)
                                .setRequiredRange(0, NoteLimits.MAX_FREQUENCY)),
                new SubcommandData("show", "Show an author's note").addOptions(scope, character),
                new SubcommandData("clear", "Remove an author's note").addOptions(scope, character))
                .addSubcommandGroups(new SubcommandGroupData("prompt", "Your own addition to the system prompt")
                        .addSubcommands(new SubcommandData("set", "Write your user prompt (a modal asks for the text)")
                                        .addOptions(promptCharacter),
                                new SubcommandData("show", "Show your user prompt").addOptions(promptCharacter),
                                new SubcommandData("clear", "Remove your user prompt").addOptions(promptCharacter)));
    }

    @Override
    public Deferral deferral(String path) {
        return path.equals("note set") || path.equals("note prompt set") ? Deferral.MODAL : Deferral.EPHEMERAL;
    }

    @Override
    public void run(CommandCall call) {
        Caller caller = call.caller();
        Optional<String> character = call.option("character").filter(c -> !c.isBlank());
        switch (call.path()) {
            case "note set" -> {
                String scope = call.option("scope").orElse("me");
                NoteOwner owner = owner(caller, scope, character);
                // the permission check runs before the modal opens; the current text is offered for editing
                Optional<EditingAuthorsNotes.Shown> current = services.notes().show(owner);
                String id = String.join("::", "note", "set", scope, character.orElse(NONE),
                        call.option("depth").orElse(NONE), call.option("role").orElse(NONE),
                        call.option("frequency").orElse(NONE));
                call.openModal(modal(id, "Author's note", "The note ({{user}} and {{char}} are replaced)",
                        current.map(s -> s.note().content())));
            }
            case "note show" -> {
                NoteOwner owner = owner(caller, call.option("scope").orElse("me"), character);
                call.answer(services.notes().show(owner).map(NoteCommand::describe)
                        .orElse("📝 No author's note " + services.notes().describe(owner) + "."));
            }
            case "note clear" -> {
                NoteOwner owner = owner(caller, call.option("scope").orElse("me"), character);
                call.answer(services.notes().clear(owner) ? "🗑️ Removed the author's note "
                        + services.notes().describe(owner) + "." : "📝 There was no author's note "
                        + services.notes().describe(owner) + ".");
            }
            case "note prompt set" -> {
                Optional<EditingUserPrompts.Shown> current = services.prompts().show(caller.actor(), character);
                call.openModal(modal(String.join("::", "note", "prompt", character.orElse(NONE)), "Your user prompt",
                        "What every reply" + character.map(c -> " of " + c).orElse("") + " should know",
                        current.map(s -> s.prompt().content())));
            }
            case "note prompt show" -> call.answer(services.prompts().show(caller.actor(), character)
                    .map(NoteCommand::describe).orElse("📝 You have no user prompt " + forWhom(character) + "."));
            case "note prompt clear" -> call.answer(services.prompts().clear(caller.actor(), character)
                    ? "🗑️ Removed your user prompt " + forWhom(character) + "."
                    : "📝 You had no user prompt " + forWhom(character) + ".");
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        return characters.visible(call.caller(), call.typed());
    }

    @Override
    public void component(ComponentCall call) {
        if (!call.isModal()) {
            throw new CommandFailure("Unknown interaction!");
        }
        Caller caller = call.caller();
        if (call.part(1).equals("set") && call.parts() == 7) {
            NoteOwner owner = owner(caller, call.part(2), given(call.part(3)));
            EditingAuthorsNotes.Shown saved = services.notes().set(owner, new NoteInput(call.field("content"),
                    number(call.part(4)), given(call.part(5)).orElse(null), number(call.part(6))));
            call.reply("✅ Saved.\n" + describe(saved));
        } else if (call.part(1).equals("prompt") && call.parts() == 3) {
            EditingUserPrompts.Shown saved = services.prompts().set(caller.actor(), given(call.part(2)),
                    call.field("content"));
            call.reply("✅ Saved.\n" + describe(saved));
        } else {
            throw new CommandFailure("Unknown interaction!");
        }
    }

    /** Whose note the options name. */
    static NoteOwner owner(Caller caller, String scope, Optional<String> character) {
        return switch (scope) {
            case "character" -> new NoteOwner.Character(caller.actor(), character.orElseThrow(() ->
                    new CommandFailure("📝 Name the character whose note this is (the `character` option).")));
            // a thread's note is its parent channel's, as with the channel's settings
            case "channel" -> new NoteOwner.Channel(new ChannelCaller(caller.actor(),
                    caller.parentChannelId().orElse(caller.channelId()), caller.guildId().orElse(null),
                    caller.manageMessages(), caller.guildOwner()));
            default -> new NoteOwner.Mine(caller.actor(), character);
        };
    }

    private static Optional<String> given(String part) {
        return part.equals(NONE) || part.isBlank() ? Optional.empty() : Optional.of(part);
    }

    /** A number option carried in the modal's id; null when absent (core checks the range). */
    private static Integer number(String part) {
        try {
            return given(part).map(Integer::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            throw new CommandFailure("Unknown interaction!");
        }
    }

    private static String forWhom(Optional<String> character) {
        return character.map(c -> "for **" + c + "**").orElse("for all characters");
    }

    private static Modal modal(String id, String title, String label, Optional<String> current) {
        TextInput.Builder text = TextInput.create("content", TextInputStyle.PARAGRAPH).setRequired(true)
                .setMaxLength(MODAL_MAX);
        current.filter(c -> c.length() <= MODAL_MAX).ifPresent(text::setValue);
        return Modal.create(id, title).addComponents(Label.of(label, text.build())).build();
    }

    static String describe(EditingAuthorsNotes.Shown shown) {
        AuthorsNote n = shown.note();
        String whose = switch (n.scope().kind()) {
            case "character" -> "of **" + shown.slug().orElse("") + "**";
            case "channel" -> "of this channel";
            default -> shown.slug().map(s -> "of yours for **" + s + "**").orElse("of yours for all characters");
        };
        String when = n.frequency() == 0 ? "never (frequency 0)" : n.frequency() == 1 ? "every message"
                : "every " + n.frequency() + " messages";
        return "📝 Author's note " + whose + " — depth " + n.depth() + ", role " + n.role().wireName() + ", " + when
                + ", " + shown.tokens() + " tokens:\n>>> " + clip(n.content());
    }

    static String describe(EditingUserPrompts.Shown shown) {
        return "📝 Your user prompt " + forWhom(shown.slug()) + " — " + shown.tokens() + " tokens:\n>>> "
                + clip(shown.prompt().content());
    }

    private static String clip(String text) {
        return text.length() <= 1700 ? text : text.substring(0, 1699) + "…";
    }
}
