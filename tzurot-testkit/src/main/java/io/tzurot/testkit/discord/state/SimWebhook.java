package io.tzurot.testkit.discord.state;

import java.util.Objects;

/** An incoming webhook on a guild text channel. The token is a secret: it is left out of {@link #toString()}. */
public record SimWebhook(long id, long guildId, long channelId, String name, String avatar, String token, long creatorId) {

    public SimWebhook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "SimWebhook[id=" + id + ", channelId=" + channelId + ", name=" + name + "]";
    }
}
