package io.tzurot.core.discord;

import java.util.Optional;

/**
 * Port: the durable map from a character's Discord messages to the character, used to continue a
 * conversation by replying (however old the message) and to find a DM's current character.
 */
public interface DeliveredMessageRepository {

    /** Records a posted message; recording the same message id again keeps the first record. */
    void record(DeliveredMessage message);

    /** The record of a posted message, when the bot posted it. */
    Optional<DeliveredMessage> find(String messageId);

    /** The newest message a character posted in the channel: the DM's sticky character. */
    Optional<DeliveredMessage> latestInChannel(String channelId);
}
