package io.tzurot.core.settings;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's overrides for one personality: persona override, preset override and the user x personality
 * settings tier. Each is independent; clearing one keeps the others.
 *
 * @param personaId persona override, or null
 * @param presetId preset override, or null
 */
public record UserPersonalityConfig(UUID id, UUID userId, UUID personalityId, UUID personaId, UUID presetId,
                                    ConfigOverrides configOverrides, Instant createdAt, Instant updatedAt) {

    public UserPersonalityConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(configOverrides, "configOverrides");
    }

    public Optional<UUID> personaOverride() {
        return Optional.ofNullable(personaId);
    }

    public Optional<UUID> presetOverride() {
        return Optional.ofNullable(presetId);
    }
}
