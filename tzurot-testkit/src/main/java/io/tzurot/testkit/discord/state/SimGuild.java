package io.tzurot.testkit.discord.state;

import java.util.Objects;

/** A guild (server). {@code nsfwLevel} uses Discord's codes: 0 default, 1 explicit, 2 safe, 3 age restricted. */
public record SimGuild(long id, String name, long ownerId, int nsfwLevel) {

    public SimGuild {
        Objects.requireNonNull(name, "name");
        if (nsfwLevel < 0 || nsfwLevel > 3) {
            throw new IllegalArgumentException("nsfwLevel must be 0..3, was " + nsfwLevel);
        }
    }
}
