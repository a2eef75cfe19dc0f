package io.tzurot.discord.command;

import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;

/** A message context-menu command ("Inspect Message"); deferred ephemerally before {@link #run}. */
public interface MessageMenuCommand {

    /** The name shown in the menu, e.g. "Inspect Message". */
    String name();

    void run(MessageContextInteractionEvent event, Caller caller);
}
