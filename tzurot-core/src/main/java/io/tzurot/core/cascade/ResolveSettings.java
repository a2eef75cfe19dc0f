package io.tzurot.core.cascade;

import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.settings.AdminSettingsRepository;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.ResolvedSettings;
import io.tzurot.core.settings.SettingsCascade;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.UserRepository;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: load the four settings tiers for a user and personality and resolve them with
 * {@link SettingsCascade}. A tier that cannot be read is skipped with a warning, never fatal.
 */
public final class ResolveSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ResolveSettings.class);

    private final AdminSettingsRepository admin;
    private final PersonalityRepository personalities;
    private final UserRepository users;
    private final UserPersonalityConfigRepository overrides;

    public ResolveSettings(AdminSettingsRepository admin, PersonalityRepository personalities, UserRepository users,
                           UserPersonalityConfigRepository overrides) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.users = Objects.requireNonNull(users, "users");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
    }

    /** Resolves for a user (null = anonymous) and a personality (null = none). */
    public ResolvedSettings resolve(UUID userId, UUID personalityId) {
        ConfigOverrides adminTier = tier("admin", () -> admin.get().configDefaults());
        ConfigOverrides personalityTier = personalityId == null ? ConfigOverrides.EMPTY
                : tier("personality", () -> personalities.configDefaults(personalityId));
        ConfigOverrides userTier = userId == null ? ConfigOverrides.EMPTY
                : tier("user-default", () -> users.configDefaults(userId));
        ConfigOverrides userPersonalityTier = userId == null || personalityId == null ? ConfigOverrides.EMPTY
                : tier("user-personality", () -> overrides.configOverrides(userId, personalityId));
        return SettingsCascade.resolve(adminTier, personalityTier, userTier, userPersonalityTier);
    }

    private static ConfigOverrides tier(String name, Supplier<ConfigOverrides> load) {
        try {
            return load.get();
        } catch (RuntimeException e) {
            LOG.warn("settings tier {} could not be loaded; skipping it", name, e);
            return ConfigOverrides.EMPTY;
        }
    }
}
