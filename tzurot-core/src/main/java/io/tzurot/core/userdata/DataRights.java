package io.tzurot.core.userdata;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.user.User;
import io.tzurot.core.user.UserRepository;

/**
 * Whose data a caller may take out or erase: their own, and the bot owner anyone's. The target is named by
 * Discord user id or {@code me}; someone else's account reads as unknown to a caller without the right.
 */
public final class DataRights {

    /** The name of the caller's own account in routes and commands. */
    public static final String ME = "me";

    private DataRights() {
    }

    /** The account {@code target} names, when {@code actor} may act on it. */
    public static User target(UserRepository users, Actor actor, String target) {
        String discordId = target == null || target.isBlank() || target.equals(ME) ? actor.discordId() : target.trim();
        if (!discordId.matches("\\d{1,20}")) {
            throw DomainException.invalid("userId", "'userId' must be 'me' or a Discord user id of 1-20 digits.");
        }
        if (!discordId.equals(actor.discordId()) && !actor.owner()) {
            throw DomainException.notFound("User " + discordId);
        }
        return users.findByDiscordId(discordId).orElseThrow(() -> DomainException.notFound("User " + discordId));
    }
}
