package io.tzurot.testkit.discord.state;

import java.util.Objects;

/** A guild role; the role whose id equals its guild's id is @everyone. */
public record SimRole(long id, long guildId, String name, int color, int position, long permissions) {

    public SimRole {
        Objects.requireNonNull(name, "name");
    }

    public boolean isEveryone() {
        return id == guildId;
    }

    public SimRole withPermissions(long newPermissions) {
        return new SimRole(id, guildId, name, color, position, newPermissions);
    }
}
