package io.tzurot.core.cascade;

import io.tzurot.core.channel.ChannelSettingsRepository;
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
 * Use case: load the settings tiers for a user, a personality and a channel, and resolve them with
 * {@link SettingsCascade}. A tier that cannot be read is skipped with a warning, never fatal.
 */
public final class ResolveSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ResolveSettings.class);

    private final AdminSettingsRepository admin;
    private final PersonalityRepository personalities;
    private final ChannelSettingsRepository channels;
    private final UserRepository users;
    private final UserPersonalityConfigRepository overrides;

    public ResolveSettings(AdminSettingsRepository admin, PersonalityRepository personalities,
                           ChannelSettingsRepository channels, UserRepository users,
                           UserPersonalityConfigRepository overrides) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.users = Objects.requireNonNull(users, "users");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
    }

    /** Resolves outside any channel, for a user (null = anonymous) and a personality (null = none). */
    public ResolvedSettings resolve(UUID userId, UUID personalityId) {
        return resolve(userId, personalityId, null, null);
    }

    /**
     * Resolves for a user (null = anonymous), a personality (null = none) and a channel (null = none). A thread
     * without a tier of its own follows its parent channel's ({@code parentChannelId}, null outside threads).
     */
    public ResolvedSettings resolve(UUID userId, UUID personalityId, String channelId, String parentChannelId) {
        ConfigOverrides adminTier = tier("admin", () -> admin.get().configDefaults());
        ConfigOverrides personalityTier = personalityId == null ? ConfigOverrides.EMPTY
                : tier("personality", () -> personalities.configDefaults(personalityId));
        ConfigOverrides channelTier = tier("channel", () -> channelTier(channelId, parentChannelId));
        ConfigOverrides userTier = userId == null ? ConfigOverrides.EMPTY
                : tier("user-default", () -> users.configDefaults(userId));
        ConfigOverrides userPersonalityTier = userId == null || personalityId == null ? ConfigOverrides.EMPTY
                : tier("user-personality", () -> overrides.configOverrides(userId, personalityId));
        return SettingsCascade.resolve(adminTier, personalityTier, channelTier, userTier, userPersonalityTier);
    }

    private ConfigOverrides channelTier(String channelId, String parentChannelId) {
        ConfigOverrides own = channelId == null ? ConfigOverrides.EMPTY : channels.configOverrides(channelId);
        if (!own.isEmpty() || parentChannelId == null || parentChannelId.equals(channelId)) {
            return own;
        }
        return channels.configOverrides(parentChannelId);
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
