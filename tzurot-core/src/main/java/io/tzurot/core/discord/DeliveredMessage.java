package io.tzurot.core.discord;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A Discord message a character posted, so a reply to it reaches the same character.
 *
 * @param messageId the Discord message id
 * @param personalityId the character that spoke
 * @param channelId the channel (or thread, or DM channel) it was posted in
 * @param createdAt when it was posted
 */
public record DeliveredMessage(String messageId, UUID personalityId, String channelId, Instant createdAt) {

    public DeliveredMessage {
        requireSnowflake("messageId", messageId);
        Objects.requireNonNull(personalityId, "personalityId");
        requireSnowflake("channelId", channelId);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    static void requireSnowflake(String name, String value) {
        if (value == null || !value.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException(name + " must be a Discord snowflake (1-20 digits), got '" + value + "'");
        }
    }
}
