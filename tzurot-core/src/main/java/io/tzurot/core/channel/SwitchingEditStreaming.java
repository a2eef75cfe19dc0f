package io.tzurot.core.channel;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import java.util.Objects;

/**
 * Edit-streaming of replies in a Discord channel, off by default: when on, a reply is posted as soon as its first
 * sentence is ready and edited as it grows. Only a member with Manage Messages in the channel, the server's owner or
 * the bot owner may switch it (the channel rule; a thread's caller acts on its parent, which the thread follows);
 * outside Discord only the bot owner.
 */
public final class SwitchingEditStreaming {

    private final ChannelSettingsRepository channels;

    public SwitchingEditStreaming(ChannelSettingsRepository channels) {
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    /** Turns it on or off in the caller's channel; true when that changed something. */
    public boolean set(ChannelCaller caller, boolean on) {
        requireManager(caller);
        if (streams(caller.channelId()) == on) {
            return false;
        }
        channels.setStreamEdits(caller.channelId(), caller.guildId(), on);
        return true;
    }

    /** Whether it is on in the caller's channel. */
    public boolean status(ChannelCaller caller) {
        requireManager(caller);
        return streams(caller.channelId());
    }

    /** Whether replies in {@code channelId} are edit-streamed (no row: off). */
    public boolean streams(String channelId) {
        return channels.find(channelId).map(ChannelSettings::streamEdits).orElse(false);
    }

    /** Any channel's switch, for the bot owner outside Discord. */
    public boolean operatorView(Actor actor, String channelId) {
        requireOperator(actor);
        return streams(DiscordChannelId.checked(channelId));
    }

    /** Sets any channel's switch, for the bot owner outside Discord; returns it afterwards. */
    public boolean operatorSet(Actor actor, String channelId, boolean on) {
        requireOperator(actor);
        String channel = DiscordChannelId.checked(channelId);
        if (streams(channel) != on) {
            channels.setStreamEdits(channel, null, on);
        }
        return on;
    }

    private static void requireManager(ChannelCaller caller) {
        if (!caller.mayManageChannel()) {
            throw DomainException.forbidden(caller.guildId() == null
                    ? "Edit-streaming is a setting of server channels; in a direct message replies arrive whole."
                    : "Only members with the Manage Messages permission in this channel, the server owner or the bot"
                    + " owner may see or change how replies are streamed here.");
        }
    }

    private static void requireOperator(Actor actor) {
        if (actor == null || !actor.owner()) {
            throw DomainException.forbidden("Only the bot owner may change a channel's streaming outside Discord.");
        }
    }
}
