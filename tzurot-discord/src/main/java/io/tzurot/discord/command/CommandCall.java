package io.tzurot.discord.command;

import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** One use of a slash command: its options, who used it, and how to answer (the deferral already happened). */
public final class CommandCall {

    private final SlashCommandInteractionEvent event;
    private final Caller caller;
    private final Deferral deferral;

    public CommandCall(SlashCommandInteractionEvent event, Caller caller, Deferral deferral) {
        this.event = Objects.requireNonNull(event, "event");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.deferral = Objects.requireNonNull(deferral, "deferral");
    }

    public Caller caller() {
        return caller;
    }

    /** The full name, e.g. {@code "channel activate"} or {@code "preset global default"}. */
    public String path() {
        return event.getFullCommandName();
    }

    public SlashCommandInteractionEvent event() {
        return event;
    }

    /** A string option's value, stripped; empty when not given or blank. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(event.getOption(name)).map(OptionMapping::getAsString).map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    public Optional<Message.Attachment> attachment(String name) {
        return Optional.ofNullable(event.getOption(name)).map(OptionMapping::getAsAttachment);
    }

    /** Answers with text (ephemeral unless the command was deferred publicly). */
    public void answer(String text) {
        if (event.isAcknowledged()) {
            event.getHook().editOriginal(text).queue();
        } else {
            event.reply(text).setEphemeral(deferral != Deferral.PUBLIC).queue();
        }
    }

    /** Answers with a whole message: embeds and components (a dashboard, a list). */
    public void answer(MessageEditData message) {
        if (event.isAcknowledged()) {
            event.getHook().editOriginal(message).queue();
        } else {
            event.reply(MessageCreateData.fromEditData(message)).setEphemeral(deferral != Deferral.PUBLIC).queue();
        }
    }

    /** A further ephemeral message after the answer (e.g. a finished export's file). */
    public void followUp(MessageCreateData message) {
        event.getHook().sendMessage(message).setEphemeral(true).queue();
    }

    /** Opens a modal; only for commands registered with {@link Deferral#MODAL}. */
    public void openModal(Modal modal) {
        if (event.isAcknowledged()) {
            throw new IllegalStateException(path() + " was deferred, so it cannot open a modal; declare it MODAL");
        }
        event.replyModal(modal).queue();
    }
}
