package io.tzurot.core.settings;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: per (user, personality) overrides. Every setter creates the row when missing (deterministic
 * id) and touches only its own column, so clearing one override never discards another.
 */
public interface UserPersonalityConfigRepository {

    Optional<UserPersonalityConfig> find(UUID userId, UUID personalityId);

    List<UserPersonalityConfig> listByUser(UUID userId);

    /** Sets (or with null clears) the persona override. */
    UserPersonalityConfig setPersonaOverride(UUID userId, UUID personalityId, UUID personaId);

    /** Sets (or with null clears) the preset override. */
    UserPersonalityConfig setPresetOverride(UUID userId, UUID personalityId, UUID presetId);

    /** Replaces the user x personality settings tier; {@link ConfigOverrides#EMPTY} clears it. */
    UserPersonalityConfig setConfigOverrides(UUID userId, UUID personalityId, ConfigOverrides overrides);

    /** The user x personality settings tier, empty when there is no row or the stored tier is invalid. */
    default ConfigOverrides configOverrides(UUID userId, UUID personalityId) {
        return find(userId, personalityId).map(UserPersonalityConfig::configOverrides).orElse(ConfigOverrides.EMPTY);
    }
}
