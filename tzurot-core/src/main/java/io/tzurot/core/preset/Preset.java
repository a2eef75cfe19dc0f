package io.tzurot.core.preset;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A named LLM configuration (row of {@code llm_configs}).
 *
 * @param isDefault the system default preset (at most one, always global)
 * @param isFreeDefault the guest-mode preset (at most one, global, model ending in {@code :free})
 * @param visionModel or null
 */
public record Preset(UUID id, String name, String description, UUID ownerId, boolean isGlobal, boolean isDefault,
                     boolean isFreeDefault, String provider, String model, String visionModel,
                     AdvancedParameters advancedParameters, int contextWindowTokens, Instant createdAt,
                     Instant updatedAt) {

    public Preset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        advancedParameters = advancedParameters == null ? AdvancedParameters.NONE : advancedParameters;
    }

    /** True when {@code userId} may select this preset: global, or owned by the user. */
    public boolean selectableBy(UUID userId) {
        return isGlobal || ownerId.equals(userId);
    }
}
