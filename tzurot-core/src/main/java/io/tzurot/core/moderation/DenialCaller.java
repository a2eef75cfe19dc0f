package io.tzurot.core.moderation;

import io.tzurot.core.access.Actor;
import java.util.Objects;
import java.util.Optional;

/**
 * Who manages denials, with the facts only the platform knows.
 *
 * @param guildId the server the caller acts in; empty in a DM and on the web
 * @param manager whether the caller manages that server (Manage Messages, or its owner)
 */
public record DenialCaller(Actor actor, Optional<String> guildId, boolean manager) {

    public DenialCaller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guildId, "guildId");
    }

    /** The bot owner, or someone outside any server (the web): only the bot owner's rights count there. */
    public static DenialCaller outsideServers(Actor actor) {
        return new DenialCaller(actor, Optional.empty(), false);
    }

    /** True when the caller may manage denials of the server they act in (and is not merely the bot owner). */
    boolean managesGuild() {
        return guildId.isPresent() && manager;
    }
}
