package io.tzurot.testkit.discord.service;

import io.tzurot.testkit.discord.state.SimMessage;
import java.util.Optional;

/**
 * An interaction the bot may still answer: its token, where it happened, whether it was acknowledged and
 * ephemeral, the original response once there is one, and the message whose component was used.
 */
record PendingInteraction(long id, String token, long channelId, long userId, boolean answered, boolean ephemeral,
                          Optional<SimMessage> original, Optional<Long> sourceMessageId) {

    static PendingInteraction open(long id, String token, long channelId, long userId, Optional<Long> source) {
        return new PendingInteraction(id, token, channelId, userId, false, false, Optional.empty(), source);
    }

    PendingInteraction answered(boolean nowEphemeral) {
        return new PendingInteraction(id, token, channelId, userId, true, nowEphemeral, original, sourceMessageId);
    }

    PendingInteraction withEphemeral(boolean nowEphemeral) {
        return new PendingInteraction(id, token, channelId, userId, answered, nowEphemeral, original, sourceMessageId);
    }

    PendingInteraction withOriginal(SimMessage message) {
        return new PendingInteraction(id, token, channelId, userId, answered, ephemeral, Optional.of(message),
                sourceMessageId);
    }

    /** The token is a secret: it is left out. */
    @Override
    public String toString() {
        return "PendingInteraction[id=" + id + ", channelId=" + channelId + ", answered=" + answered + "]";
    }
}
