package io.tzurot.core.conversation;

import io.tzurot.core.id.DeterministicIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One message of a channel's short-term history with one personality (spec/datamodel.md §1.4). Nullable:
 * {@code guildId} (DMs), {@code tokenCount}, {@code editedAt}, {@code deletedAt}.
 */
public record HistoryMessage(
        UUID id,
        String channelId,
        String guildId,
        UUID personalityId,
        UUID personaId,
        HistoryRole role,
        String content,
        Integer tokenCount,
        List<String> discordMessageIds,
        String metadataJson,
        Instant createdAt,
        Instant editedAt,
        Instant deletedAt) {

    public HistoryMessage {
        Objects.requireNonNull(id, "id");
        if (channelId == null || channelId.isBlank() || channelId.length() > 20) {
            throw new IllegalArgumentException("channelId must be a Discord snowflake of at most 20 characters");
        }
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        discordMessageIds = List.copyOf(discordMessageIds);
        Objects.requireNonNull(metadataJson, "metadataJson");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * A new message with the deterministic id over (channel, personality, persona, creation millisecond);
     * the time is cut to milliseconds, the precision the id and the column keep.
     */
    public static HistoryMessage create(String channelId, String guildId, UUID personalityId, UUID personaId,
                                        HistoryRole role, String content, Integer tokenCount,
                                        List<String> discordMessageIds, String metadataJson, Instant createdAt) {
        Instant at = createdAt.truncatedTo(ChronoUnit.MILLIS);
        UUID id = DeterministicIds.conversationHistory(channelId, personalityId, personaId, at.toEpochMilli());
        return new HistoryMessage(id, channelId, guildId, personalityId, personaId, role, content, tokenCount,
                discordMessageIds, metadataJson, at, null, null);
    }

    /** When the message was removed on Discord, if it was. */
    public Optional<Instant> deleted() {
        return Optional.ofNullable(deletedAt);
    }
}
