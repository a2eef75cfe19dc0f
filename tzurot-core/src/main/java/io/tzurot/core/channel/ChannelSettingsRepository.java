package io.tzurot.core.channel;

import io.tzurot.core.settings.ConfigOverrides;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: per-channel settings with id v5 {@code channel_settings:{channelId}}. */
public interface ChannelSettingsRepository {

    Optional<ChannelSettings> find(String channelId);

    /** Makes {@code personalityId} the channel's only activated personality, replacing any other. */
    ChannelSettings activate(String channelId, String guildId, UUID personalityId, UUID activatedBy);

    /** Removes the activated personality; false when none was active. */
    boolean deactivate(String channelId);

    /** Turns auto-respond on or off, creating the row when missing. */
    ChannelSettings setAutoRespond(String channelId, String guildId, boolean autoRespond);

    /**
     * Replaces the channel's settings tier, creating the row when missing ({@code guildId} is kept when the row
     * exists and the argument is null); {@link ConfigOverrides#EMPTY} clears it. The activation is untouched.
     */
    ChannelSettings setConfigOverrides(String channelId, String guildId, ConfigOverrides overrides, UUID changedBy);

    /** Channels of a guild with an activated personality. */
    List<ChannelSettings> listActivatedInGuild(String guildId);

    /** The channel's settings tier, empty when there is no row or the stored tier is invalid. */
    default ConfigOverrides configOverrides(String channelId) {
        return find(channelId).map(ChannelSettings::configOverrides).orElse(ConfigOverrides.EMPTY);
    }
}
