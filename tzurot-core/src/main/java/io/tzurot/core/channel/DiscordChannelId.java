package io.tzurot.core.channel;

import io.tzurot.core.failure.DomainException;

/** The one check of a Discord channel id named from outside Discord (HTTP routes of the bot owner). */
public final class DiscordChannelId {

    private DiscordChannelId() {
    }

    /** {@code channelId} stripped, when it is 1-20 digits; otherwise an invalid {@code channelId} error. */
    public static String checked(String channelId) {
        String id = channelId == null ? "" : channelId.strip();
        if (!id.matches("[0-9]{1,20}")) {
            throw DomainException.invalid("channelId", "'channelId' must be a Discord channel id (1-20 digits).");
        }
        return id;
    }
}
