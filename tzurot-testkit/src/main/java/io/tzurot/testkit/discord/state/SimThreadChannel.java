package io.tzurot.testkit.discord.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A thread inside a guild text channel; permissions come from the parent channel. */
public record SimThreadChannel(long id, long guildId, long parentId, String name, long ownerId,
                               boolean privateThread, boolean archived, Instant createdAt) implements SimChannel {

    public SimThreadChannel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public SimThreadChannel withArchived(boolean nowArchived) {
        return new SimThreadChannel(id, guildId, parentId, name, ownerId, privateThread, nowArchived, createdAt);
    }

    @Override
    public int typeCode() {
        return privateThread ? 12 : 11;
    }

    @Override
    public Optional<Long> guild() {
        return Optional.of(guildId);
    }
}
