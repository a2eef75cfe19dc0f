package io.tzurot.core.user;

import java.util.Objects;
import java.util.Optional;

/**
 * Use case: turn a Discord author into a stored user (with default persona), marking the configured
 * bot owner as superuser. Bots are never stored.
 */
public final class GetOrCreateUser {

    private final UserRepository users;
    private final String botOwnerDiscordId;

    /** @param botOwnerDiscordId {@code BOT_OWNER_ID}, or null when no owner is configured */
    public GetOrCreateUser(UserRepository users, String botOwnerDiscordId) {
        this.users = Objects.requireNonNull(users, "users");
        this.botOwnerDiscordId = botOwnerDiscordId == null || botOwnerDiscordId.isBlank() ? null : botOwnerDiscordId.trim();
    }

    /** The stored user, or empty for a bot. */
    public Optional<User> execute(DiscordUserProfile profile) {
        Objects.requireNonNull(profile, "profile");
        if (profile.bot()) {
            return Optional.empty();
        }
        boolean owner = profile.discordId().equals(botOwnerDiscordId);
        return Optional.of(users.getOrCreate(profile, owner));
    }
}
