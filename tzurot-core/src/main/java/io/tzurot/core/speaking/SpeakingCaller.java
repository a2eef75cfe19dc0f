package io.tzurot.core.speaking;

import io.tzurot.core.access.Actor;
import java.util.Objects;
import java.util.Optional;

/**
 * Who changes where characters speak, with the facts only the platform knows.
 *
 * @param guildId the server the caller acts in; empty in a DM and on the web
 * @param manager whether the caller manages that server here (Manage Messages in the channel, or the server's owner)
 */
public record SpeakingCaller(Actor actor, Optional<String> guildId, boolean manager) {

    public SpeakingCaller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guildId, "guildId");
    }

    /** Someone outside any server (the web): only the bot owner's rights count there. */
    public static SpeakingCaller outsideServers(Actor actor) {
        return new SpeakingCaller(actor, Optional.empty(), false);
    }
}
