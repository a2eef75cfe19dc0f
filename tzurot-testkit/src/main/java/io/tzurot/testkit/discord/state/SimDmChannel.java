package io.tzurot.testkit.discord.state;

import java.util.Optional;

/** A direct-message channel between the bot and one user. */
public record SimDmChannel(long id, long recipientId) implements SimChannel {

    @Override
    public int typeCode() {
        return 1;
    }

    @Override
    public Optional<Long> guild() {
        return Optional.empty();
    }
}
