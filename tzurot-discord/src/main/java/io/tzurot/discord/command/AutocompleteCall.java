package io.tzurot.discord.command;

import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/** The user is typing an option with autocomplete: which command, which option, and what they typed so far. */
public final class AutocompleteCall {

    private final CommandAutoCompleteInteractionEvent event;
    private final Caller caller;

    public AutocompleteCall(CommandAutoCompleteInteractionEvent event, Caller caller) {
        this.event = Objects.requireNonNull(event, "event");
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    public Caller caller() {
        return caller;
    }

    public String path() {
        return event.getFullCommandName();
    }

    public String focusedOption() {
        return event.getFocusedOption().getName();
    }

    /** What the user typed into the focused option, stripped. */
    public String typed() {
        return event.getFocusedOption().getValue().strip();
    }

    /** Another option's value, when already filled in. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(event.getOption(name)).map(OptionMapping::getAsString);
    }
}
