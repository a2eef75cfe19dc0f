package io.tzurot.core.access;

import java.util.Objects;
import java.util.UUID;

/**
 * Who a request acts as: the user's internal id, their Discord id, and whether they hold the bot
 * owner's rights (admin routes, owner tokens).
 */
public record Actor(UUID userId, String discordId, boolean owner) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(discordId, "discordId");
    }

    /** True when this actor may act on something that belongs to {@code ownerId}: its owner or the bot owner. */
    public boolean mayManage(UUID ownerId) {
        return owner || userId.equals(ownerId);
    }
}
