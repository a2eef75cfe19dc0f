package io.tzurot.testkit.discord.state;

import java.util.Objects;

/** A channel permission overwrite for one role or member: bits explicitly allowed and denied. */
public record PermissionOverwrite(long targetId, OverwriteTarget target, long allow, long deny) {

    public PermissionOverwrite {
        Objects.requireNonNull(target, "target");
        if ((allow & deny) != 0) {
            throw new IllegalArgumentException("a permission cannot be both allowed and denied: " + (allow & deny));
        }
    }
}
