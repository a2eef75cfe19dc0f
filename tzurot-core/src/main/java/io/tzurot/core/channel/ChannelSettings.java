package io.tzurot.core.channel;

import io.tzurot.core.settings.ConfigOverrides;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A Discord channel's settings: at most one activated (auto-responding) personality, and the channel tier of
 * the settings cascade.
 *
 * @param guildId or null for DMs
 * @param activatedPersonalityId or null when none is active
 * @param createdBy user who created the row, or null
 * @param configOverrides the channel's settings tier ({@link ConfigOverrides#EMPTY} when it sets nothing)
 */
public record ChannelSettings(UUID id, String channelId, String guildId, UUID activatedPersonalityId,
                              boolean autoRespond, UUID createdBy, ConfigOverrides configOverrides, Instant createdAt,
                              Instant updatedAt) {

    public ChannelSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channelId, "channelId");
        configOverrides = configOverrides == null ? ConfigOverrides.EMPTY : configOverrides;
    }

    public Optional<UUID> activatedPersonality() {
        return Optional.ofNullable(activatedPersonalityId);
    }

    /** The personality that answers every message here, if one is active and auto-respond is on. */
    public Optional<UUID> autoResponder() {
        return autoRespond ? activatedPersonality() : Optional.empty();
    }
}
