package io.tzurot.discord.command;

import io.tzurot.core.access.Actor;
import io.tzurot.core.user.User;
import java.util.Objects;
import java.util.Optional;

/**
 * Who used an interaction and where, resolved once per interaction.
 *
 * @param user the stored user (created on first use)
 * @param guildId empty in direct messages
 * @param parentChannelId the parent channel when used in a thread
 * @param displayName the member's name in the server, else the user's
 * @param manageMessages whether they hold Manage Messages in this channel
 * @param guildOwner whether they own the server
 */
public record Caller(User user, String discordId, String displayName, Optional<String> guildId, String channelId,
                     Optional<String> parentChannelId, boolean manageMessages, boolean guildOwner) {

    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(discordId, "discordId");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(parentChannelId, "parentChannelId");
    }

    /** The caller as use cases see them; the bot owner holds the owner's rights. */
    public Actor actor() {
        return new Actor(user.id(), discordId, user.superuser());
    }

    public boolean botOwner() {
        return user.superuser();
    }

    public boolean inGuild() {
        return guildId.isPresent();
    }
}
