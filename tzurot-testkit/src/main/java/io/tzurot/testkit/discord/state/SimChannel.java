package io.tzurot.testkit.discord.state;

import java.util.Optional;

/** A channel a message can be posted in: a guild text channel, a thread under one, or a DM. */
public sealed interface SimChannel permits SimTextChannel, SimThreadChannel, SimDmChannel {

    long id();

    /** Discord's channel type code. */
    int typeCode();

    /** The guild the channel belongs to; empty for DMs. */
    Optional<Long> guild();
}
