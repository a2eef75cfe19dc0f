package io.tzurot.core.channel;

import io.tzurot.core.settings.ConfigOverrides;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: per-channel settings with id v5 {@code channel_settings:{channelId}}, and the channel's activations. */
public interface ChannelSettingsRepository {

    /** What an activation did. */
    enum Added {
        /** The character joined the channel's scene. */
        ADDED,
        /** It was active there already; nothing changed. */
        ALREADY_ACTIVE,
        /** The scene holds {@code limit} characters already; nothing changed. */
        FULL
    }

    /** The outcome of {@link #activate}: what happened and the channel's row afterwards. */
    record Activation(Added added, ChannelSettings channel) {
    }

    Optional<ChannelSettings> find(String channelId);

    /**
     * The ids of every channel with a settings row, when they are few enough to hold: a reply in any other channel
     * (most of them, and every new one) then needs no read of its own. Empty when unknown or too many.
     */
    default Optional<java.util.Set<String>> channelsWithSettings() {
        return Optional.empty();
    }

    /**
     * Adds {@code personalityId} to the channel's activated characters (creating the row when missing) unless it
     * is there already or the channel holds {@code limit} characters; checked and written in one transaction.
     */
    Activation activate(String channelId, String guildId, UUID personalityId, UUID activatedBy, int limit);

    /** Removes one activated personality; false when it was not active. */
    boolean deactivate(String channelId, UUID personalityId);

    /** Removes every activated personality; how many were removed. */
    int deactivateAll(String channelId);

    /** Turns auto-respond on or off, creating the row when missing. */
    ChannelSettings setAutoRespond(String channelId, String guildId, boolean autoRespond);

    /** Sets the scene's speaker strategy, creating the row when missing. */
    ChannelSettings setSpeakerStrategy(String channelId, String guildId, SpeakerStrategy strategy);

    /** Turns edit-streaming of replies on or off, creating the row when missing. */
    ChannelSettings setStreamEdits(String channelId, String guildId, boolean streamEdits);

    /**
     * Replaces the channel's settings tier, creating the row when missing ({@code guildId} is kept when the row
     * exists and the argument is null); {@link ConfigOverrides#EMPTY} clears it. The activation is untouched.
     */
    ChannelSettings setConfigOverrides(String channelId, String guildId, ConfigOverrides overrides, UUID changedBy);

    /** Channels of a guild with at least one activated personality. */
    List<ChannelSettings> listActivatedInGuild(String guildId);

    /** The channel's settings tier, empty when there is no row or the stored tier is invalid. */
    default ConfigOverrides configOverrides(String channelId) {
        return find(channelId).map(ChannelSettings::configOverrides).orElse(ConfigOverrides.EMPTY);
    }
}
