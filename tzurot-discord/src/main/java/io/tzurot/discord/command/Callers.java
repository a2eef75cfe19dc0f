package io.tzurot.discord.command;

import net.dv8tion.jda.api.interactions.Interaction;

/** Resolves who used an interaction; the bot package implements it over the user store and the denylist. */
public interface Callers {

    /** True when the user is denied here (bot-wide, in this server or channel): the interaction is ignored. */
    boolean denied(Interaction interaction);

    /**
     * Empty when the caller may run another slash command now; otherwise the ephemeral answer refusing this one
     * (the per-user rate limit).
     */
    default java.util.Optional<String> refusal(Interaction interaction) {
        return java.util.Optional.empty();
    }

    /** The stored caller (created on first use) with their rights in this channel. */
    Caller resolve(Interaction interaction);
}
