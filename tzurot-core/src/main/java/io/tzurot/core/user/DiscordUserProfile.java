package io.tzurot.core.user;

import java.util.Objects;

/**
 * What Discord tells us about a user when they first talk to a personality.
 *
 * @param displayName server or global display name, or null
 * @param bio about-me text, or null
 */
public record DiscordUserProfile(String discordId, String username, String displayName, String bio, boolean bot) {

    public DiscordUserProfile {
        Objects.requireNonNull(discordId, "discordId");
        if (!discordId.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("discordId must be a Discord snowflake (1-20 digits), got '" + discordId + "'");
        }
        if (username == null || username.isBlank()) {
            username = discordId; // placeholder, replaced when a real name is seen
        }
        username = truncate(username.trim(), 255);
        displayName = displayName == null || displayName.isBlank() ? null : truncate(displayName.trim(), 255);
    }

    /** True when the username is the placeholder used before the real name was known. */
    public boolean hasPlaceholderName() {
        return username.equals(discordId);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
