package io.tzurot.core.preset;

import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.settings.UserPersonalityConfig;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.User;
import io.tzurot.core.user.UserRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Use case: load the presets of every tier for a user and personality and resolve them with
 * {@link PresetCascade}. A user's stored choice that is no longer selectable (made private by its
 * owner) is skipped.
 */
public final class ResolvePreset {

    private final PresetRepository presets;
    private final UserRepository users;
    private final PersonalityRepository personalities;
    private final UserPersonalityConfigRepository overrides;
    private final PresetCascade cascade;

    public ResolvePreset(PresetRepository presets, UserRepository users, PersonalityRepository personalities,
                         UserPersonalityConfigRepository overrides, PresetCascade cascade) {
        this.presets = Objects.requireNonNull(presets, "presets");
        this.users = Objects.requireNonNull(users, "users");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.cascade = Objects.requireNonNull(cascade, "cascade");
    }

    /** Resolves for a stored user, or anonymously when {@code userId} is null. */
    public ResolvedPreset resolve(UUID userId, UUID personalityId) {
        Objects.requireNonNull(personalityId, "personalityId");
        Optional<UUID> link = personalities.defaultPresetId(personalityId);
        Optional<Preset> personalityPreset = link.flatMap(presets::findById);
        Optional<Preset> adminDefault = link.isPresent() ? Optional.empty() : presets.findSystemDefault();
        Optional<Preset> userPersonality = Optional.empty();
        Optional<Preset> userDefault = Optional.empty();
        Optional<User> user = userId == null ? Optional.empty() : users.findById(userId);
        if (user.isPresent()) {
            userPersonality = overrides.find(userId, personalityId)
                    .flatMap(UserPersonalityConfig::presetOverride)
                    .flatMap(presets::findById)
                    .filter(p -> p.selectableBy(userId));
            userDefault = user.get().defaultPreset().flatMap(presets::findById).filter(p -> p.selectableBy(userId));
        }
        return cascade.resolve(userPersonality, userDefault, personalityPreset, adminDefault);
    }
}
