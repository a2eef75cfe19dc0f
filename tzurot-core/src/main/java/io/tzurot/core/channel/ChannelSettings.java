package io.tzurot.core.channel;

import io.tzurot.core.settings.ConfigOverrides;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A Discord channel's settings: its scene (the activated characters, in activation order, and how they take
 * turns) and the channel tier of the settings cascade.
 *
 * @param guildId or null for DMs
 * @param activated the activated personalities, oldest activation first (empty when none)
 * @param createdBy user who created the row, or null
 * @param speakerStrategy who answers a message that addresses nobody
 * @param configOverrides the channel's settings tier ({@link ConfigOverrides#EMPTY} when it sets nothing)
 * @param streamEdits whether replies here are posted at their first sentence and edited as they grow
 */
public record ChannelSettings(UUID id, String channelId, String guildId, List<UUID> activated, boolean autoRespond,
                              UUID createdBy, SpeakerStrategy speakerStrategy, ConfigOverrides configOverrides,
                              Instant createdAt, Instant updatedAt, boolean streamEdits) {

    /** A row with edit-streaming off. */
    public ChannelSettings(UUID id, String channelId, String guildId, List<UUID> activated, boolean autoRespond,
                           UUID createdBy, SpeakerStrategy speakerStrategy, ConfigOverrides configOverrides,
                           Instant createdAt, Instant updatedAt) {
        this(id, channelId, guildId, activated, autoRespond, createdBy, speakerStrategy, configOverrides, createdAt,
                updatedAt, false);
    }

    public ChannelSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channelId, "channelId");
        activated = activated == null ? List.of() : List.copyOf(activated);
        speakerStrategy = speakerStrategy == null ? SpeakerStrategy.NATURAL : speakerStrategy;
        configOverrides = configOverrides == null ? ConfigOverrides.EMPTY : configOverrides;
    }

    /** The characters that answer messages here on their own: the activated ones when auto-respond is on. */
    public List<UUID> autoResponders() {
        return autoRespond ? activated : List.of();
    }
}
