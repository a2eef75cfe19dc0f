package io.tzurot.web;

import io.tzurot.core.apikey.ApiKeyRepository;
import io.tzurot.core.persona.PersonaRepository;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.preset.BuiltInPreset;
import io.tzurot.core.preset.PresetCascade;
import io.tzurot.core.preset.PresetRepository;
import io.tzurot.core.preset.ResolvePreset;
import io.tzurot.core.settings.AdminSettingsRepository;
import io.tzurot.core.cascade.ResolveSettings;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.UserRepository;
import java.util.Objects;

/**
 * What the management routes (characters, personas, presets, settings, API keys) need from storage,
 * built once storage is open; see {@link ManagementFeature}.
 */
public record ManagementServices(PersonalityRepository personalities, PersonaRepository personas, PresetRepository presets,
                                 UserRepository users, UserPersonalityConfigRepository userPersonality,
                                 AdminSettingsRepository adminSettings, ApiKeyRepository apiKeys,
                                 ResolveSettings resolveSettings, ResolvePreset resolvePreset) {

    public ManagementServices {
        Objects.requireNonNull(personalities, "personalities");
        Objects.requireNonNull(personas, "personas");
        Objects.requireNonNull(presets, "presets");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(userPersonality, "userPersonality");
        Objects.requireNonNull(adminSettings, "adminSettings");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(resolveSettings, "resolveSettings");
        Objects.requireNonNull(resolvePreset, "resolvePreset");
    }

    /** Builds the two cascade use cases from the repositories. */
    public static ManagementServices of(PersonalityRepository personalities, PersonaRepository personas,
                                        PresetRepository presets, UserRepository users,
                                        UserPersonalityConfigRepository userPersonality,
                                        AdminSettingsRepository adminSettings, ApiKeyRepository apiKeys,
                                        BuiltInPreset builtIn) {
        return new ManagementServices(personalities, personas, presets, users, userPersonality, adminSettings, apiKeys,
                new ResolveSettings(adminSettings, personalities, users, userPersonality),
                new ResolvePreset(presets, users, personalities, userPersonality, new PresetCascade(builtIn)));
    }
}
