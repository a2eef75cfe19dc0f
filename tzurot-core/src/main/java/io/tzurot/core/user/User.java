package io.tzurot.core.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A Discord user known to the platform.
 *
 * @param nsfwVerifiedAt when NSFW verification happened, or null
 * @param defaultPresetId the user's global preset, or null
 * @param defaultPersonaId the user's default persona, or null (backfilled on next get-or-create)
 */
public record User(UUID id, String discordId, String username, String timezone, boolean superuser,
                   boolean nsfwVerified, Instant nsfwVerifiedAt, UUID defaultPresetId, UUID defaultPersonaId,
                   Instant createdAt, Instant updatedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(discordId, "discordId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(timezone, "timezone");
    }

    public Optional<UUID> defaultPreset() {
        return Optional.ofNullable(defaultPresetId);
    }

    public Optional<UUID> defaultPersona() {
        return Optional.ofNullable(defaultPersonaId);
    }

    /**
     * Whether get-or-create with this profile would change nothing: the user has a real name once Discord gave one,
     * is a superuser when asked to be, and has a default persona.
     */
    public boolean settledFor(DiscordUserProfile profile, boolean asSuperuser) {
        return !renamedBy(profile) && (superuser || !asSuperuser) && defaultPersonaId != null;
    }

    /** Whether the profile brings the first real name of a user stored under its Discord id. */
    public boolean renamedBy(DiscordUserProfile profile) {
        return username.equals(discordId) && !profile.hasPlaceholderName();
    }
}
