package io.tzurot.discord.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * A button click, a select choice or a submitted modal, routed by its custom id: {@code prefix::part1::part2...}.
 * {@link #part(int)} 0 is the prefix.
 */
public final class ComponentCall {

    private final GenericInteractionCreateEvent event;
    private final Caller caller;
    private final List<String> parts;

    public ComponentCall(GenericInteractionCreateEvent event, Caller caller, String customId) {
        this.event = Objects.requireNonNull(event, "event");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.parts = List.of(customId.split("::", -1));
    }

    public Caller caller() {
        return caller;
    }

    /** The custom id's part {@code index}, or "" when it has fewer parts. */
    public String part(int index) {
        return index < parts.size() ? parts.get(index) : "";
    }

    public int parts() {
        return parts.size();
    }

    public boolean isModal() {
        return event instanceof ModalInteractionEvent;
    }

    /** The chosen values of a string select; empty for other components. */
    public List<String> values() {
        return event instanceof StringSelectInteractionEvent select ? select.getValues() : List.of();
    }

    /** A submitted modal's text input, stripped ("" when absent). */
    public String field(String id) {
        if (event instanceof ModalInteractionEvent modal) {
            return Optional.ofNullable(modal.getValue(id)).map(ModalMapping::getAsString).map(String::strip).orElse("");
        }
        return "";
    }

    /** Replaces the message the component belongs to (a dashboard re-rendered in place). */
    public void update(MessageEditData message) {
        ((IMessageEditCallback) event).editMessage(message).queue();
    }

    /** A new ephemeral message, leaving the component's message as it is (after {@link #defer}: its answer). */
    public void reply(String text) {
        IReplyCallback callback = (IReplyCallback) event;
        if (callback.isAcknowledged()) {
            callback.getHook().editOriginal(text).queue();
        } else {
            callback.reply(text).setEphemeral(true).queue();
        }
    }

    /** Shows "thinking" in a new ephemeral message, for work that takes longer than Discord waits for an answer. */
    public void defer() {
        ((IReplyCallback) event).deferReply(true).queue();
    }

    /** A new ephemeral message with embeds and components. */
    public void reply(MessageEditData message) {
        ((IReplyCallback) event).reply(MessageCreateData.fromEditData(message)).setEphemeral(true).queue();
    }

    /** Opens a modal (not possible in answer to a modal). */
    public void openModal(Modal modal) {
        if (!(event instanceof IModalCallback callback)) {
            throw new IllegalStateException("a modal cannot open another modal");
        }
        callback.replyModal(modal).queue();
    }
}
