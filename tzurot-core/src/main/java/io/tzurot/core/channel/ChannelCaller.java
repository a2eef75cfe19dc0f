package io.tzurot.core.channel;

import io.tzurot.core.access.Actor;
import java.util.Objects;

/**
 * Who asks to change a channel, with the facts only the platform knows, supplied by the face.
 *
 * @param channelId        the channel (for a thread: its parent, which the thread follows)
 * @param guildId          the server, or null in a DM
 * @param manageMessages   whether the caller holds Manage Messages in that channel
 * @param guildOwner       whether the caller owns the server
 */
public record ChannelCaller(Actor actor, String channelId, String guildId, boolean manageMessages, boolean guildOwner) {

    public ChannelCaller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channelId, "channelId");
    }

    /**
     * The channel rule: in a server channel, a member with Manage Messages there, the server's owner, or the bot
     * owner; nobody activates a direct-message channel.
     */
    public boolean mayManageChannel() {
        return guildId != null && (actor.owner() || manageMessages || guildOwner);
    }
}
