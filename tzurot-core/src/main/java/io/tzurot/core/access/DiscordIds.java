package io.tzurot.core.access;

import java.util.regex.Pattern;

/** Validation of Discord user ids (snowflakes), the key under which users are stored. */
public final class DiscordIds {

    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");

    private DiscordIds() {
    }

    /** True for 1 to 20 decimal digits, the shape of a Discord id (and of {@link OperatorLogin#LOCAL_OPERATOR_DISCORD_ID}). */
    public static boolean isValid(String discordId) {
        return discordId != null && SNOWFLAKE.matcher(discordId).matches();
    }

    /**
     * Returns the id unchanged when valid.
     *
     * @throws IllegalArgumentException naming what is expected
     */
    public static String require(String discordId) {
        if (!isValid(discordId)) {
            throw new IllegalArgumentException("expected a Discord user id (1-20 digits), got '" + discordId + "'");
        }
        return discordId;
    }
}
