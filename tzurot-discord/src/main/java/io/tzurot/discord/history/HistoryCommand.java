package io.tzurot.discord.history;

import io.tzurot.core.conversation.HistoryCounts;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.history.ManagingHistory;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.discord.command.AutocompleteCall;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import io.tzurot.discord.command.SlashCommand;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * {@code /history clear | undo | stats | purge character:<slug>}: the caller's short-term history with a character
 * they may see, in this channel (spec discord.md §2.1). Clear and undo move the context epoch (the rule the API
 * uses, {@link ManagingHistory}); purge asks for the typed phrase in a modal, then hard-deletes this channel's
 * messages. Answers are private.
 */
public final class HistoryCommand implements SlashCommand {

    /** Custom ids: the button that opens the purge modal, and the modal; the slug follows. */
    static final String PURGE_BUTTON = "history::purge::";
    static final String PURGE_MODAL = "history::purged::";

    private final ViewingPersonalities personalities;
    private final CharacterChoices choices;
    private final Optional<ManagingHistory> history;

    public HistoryCommand(ViewingPersonalities personalities, CharacterChoices choices,
                          Optional<ManagingHistory> history) {
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.choices = Objects.requireNonNull(choices, "choices");
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String category() {
        return "💬 History";
    }

    @Override
    public SlashCommandData definition() {
        OptionData character = new OptionData(OptionType.STRING, "character", "The character (slug)", true, true);
        return Commands.slash("history", "Your conversation history with a character in this channel").addSubcommands(
                new SubcommandData("clear", "Hide the history so far from the character (can be undone)")
                        .addOptions(character),
                new SubcommandData("undo", "Bring back the history hidden by the last clear").addOptions(character),
                new SubcommandData("stats", "How many of your messages with the character this channel holds")
                        .addOptions(character),
                new SubcommandData("purge", "Delete your history with the character in this channel for good")
                        .addOptions(character));
    }

    @Override
    public void run(CommandCall call) {
        Caller caller = call.caller();
        String slug = call.option("character").orElseThrow(() -> DomainException.invalid("character",
                "Name the character (its slug)."));
        Personality personality = personalities.visible(caller.actor(), slug);
        ManagingHistory managing = managing();
        switch (call.path()) {
            case "history clear" -> {
                managing.clear(caller.actor(), personality);
                call.answer("🧹 **" + personality.shownName() + "** no longer sees your history so far. Changed your"
                        + " mind? `/history undo` brings it back.");
            }
            case "history undo" -> {
                managing.undo(caller.actor(), personality);
                call.answer("↩️ **" + personality.shownName() + "** sees the history hidden by your last clear again.");
            }
            case "history stats" -> call.answer(stats(personality,
                    managing.stats(caller.actor(), personality, caller.channelId())));
            case "history purge" -> call.answer(new MessageEditBuilder().setContent("⚠️ **Delete your history with "
                    + personality.shownName() + " in this channel?** The messages are removed for good; other channels"
                    + " keep theirs.\nTo go ahead, press the button and type **" + ManagingHistory.CONFIRMATION + "**.")
                    .setComponents(ActionRow.of(Button.danger(PURGE_BUTTON + personality.slug(), "Delete History…")))
                    .build());
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    @Override
    public void component(ComponentCall call) {
        if (!call.part(1).equals(call.isModal() ? "purged" : "purge") || call.parts() < 3) {
            throw new CommandFailure("Unknown interaction!");
        }
        Personality personality = personalities.visible(call.caller().actor(), call.part(2));
        if (!call.isModal()) {
            call.openModal(Modal.create(PURGE_MODAL + personality.slug(), "Delete history").addComponents(Label.of(
                    "Type " + ManagingHistory.CONFIRMATION + " to confirm", TextInput.create("confirm",
                            TextInputStyle.SHORT).setRequired(true).setMaxLength(20).build())).build());
            return;
        }
        int deleted = managing().purge(call.caller().actor(), personality, call.caller().channelId(),
                call.field("confirm"));
        call.reply("🗑️ Deleted " + deleted + " message" + (deleted == 1 ? "" : "s") + " of your history with **"
                + personality.shownName() + "** in this channel.");
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        return call.focusedOption().equals("character") ? choices.visible(call.caller(), call.typed()) : List.of();
    }

    private static String stats(Personality personality, ManagingHistory.Stats stats) {
        HistoryCounts c = stats.counts();
        StringBuilder text = new StringBuilder("📊 Your history with **").append(personality.shownName())
                .append("** in this channel: ").append(c.total()).append(" message").append(c.total() == 1 ? "" : "s")
                .append(", ").append(c.visible()).append(" visible to the character, ").append(c.hidden())
                .append(" hidden.");
        if (c.oldest().isPresent()) {
            text.append("\nFrom ").append(when(c.oldest().get())).append(" to ").append(when(c.newest().orElseThrow()))
                    .append('.');
        }
        stats.clearedAt().ifPresent(at -> text.append("\nLast cleared ").append(when(at))
                .append(stats.undoAvailable() ? " (`/history undo` can bring it back)." : "."));
        return text.toString();
    }

    private static String when(Instant at) {
        return "<t:" + at.getEpochSecond() + ":f>";
    }

    private ManagingHistory managing() {
        return history.orElseThrow(() -> new CommandFailure("❌ History commands are not available on this bot."));
    }
}
