package io.tzurot.testkit.discord.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A user's membership in a guild; {@code roleIds} never lists @everyone, which every member has implicitly. */
public record SimMember(long guildId, long userId, List<Long> roleIds, String nick, Instant joinedAt) {

    public SimMember {
        roleIds = List.copyOf(roleIds);
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    public SimMember withRoles(List<Long> newRoleIds) {
        return new SimMember(guildId, userId, newRoleIds, nick, joinedAt);
    }
}
