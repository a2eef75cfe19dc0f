package io.tzurot.discord.bot;

import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.discord.DeliveredMessageRepository;
import io.tzurot.core.moderation.DenylistRepository;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.user.UserRepository;
import java.time.Clock;
import java.util.Objects;

/** What the bot needs from the rest of the platform: the repositories it reads and the reply engine. */
public record DiscordServices(PersonalityRepository personalities, ChannelSettingsRepository channels,
                             DenylistRepository denylist, UserRepository users, DeliveredMessageRepository delivered,
                             ReplyService replies, Clock clock) {

    public DiscordServices {
        Objects.requireNonNull(personalities, "personalities");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(denylist, "denylist");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(delivered, "delivered");
        Objects.requireNonNull(replies, "replies");
        Objects.requireNonNull(clock, "clock");
    }
}
