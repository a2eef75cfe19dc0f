package io.tzurot.core.user;

import io.tzurot.core.settings.ConfigOverrides;
import java.util.Optional;
import java.util.UUID;

/** Port: users and their user-level choices (default persona, default preset, settings tier). */
public interface UserRepository {

    Optional<User> findById(UUID id);

    Optional<User> findByDiscordId(String discordId);

    /** The oldest user whose username equals {@code username}, ignoring case (for {@code @username} references). */
    Optional<User> findByUsername(String username);

    /**
     * Returns the user, creating it in one transaction together with its default persona
     * (name = username, preferred name = display name or username, content = bio or "") when new.
     * An existing user without a default persona gets one; a placeholder username is replaced by a
     * real one; {@code superuser} true promotes an existing user. Safe under concurrent calls.
     *
     * @throws IllegalArgumentException for a bot profile: bots are never stored
     */
    User getOrCreate(DiscordUserProfile profile, boolean superuser);

    /** Sets or (null) clears the default persona; the persona must belong to the user. */
    void setDefaultPersona(UUID userId, UUID personaId);

    /** Sets or (null) clears the user's default preset. */
    void setDefaultPreset(UUID userId, UUID presetId);

    /** Sets the IANA time zone (validated by the caller with {@link Timezones}). */
    void setTimezone(UUID userId, String timezone);

    /** Records NSFW verification (now) or revokes it. */
    void setNsfwVerified(UUID userId, boolean verified);

    /** The user-default settings tier; empty when unset, unknown user or invalid stored tier. */
    ConfigOverrides configDefaults(UUID userId);

    /** Replaces the user-default settings tier; {@link ConfigOverrides#EMPTY} clears it. */
    void setConfigDefaults(UUID userId, ConfigOverrides configDefaults);
}
