package io.tzurot.discord.command;

/**
 * How a slash command is acknowledged before it runs (spec §2.0): privately (the default), publicly, or not at
 * all because the command answers with a modal, which must be the interaction's first response.
 */
public enum Deferral {
    EPHEMERAL,
    PUBLIC,
    MODAL
}
