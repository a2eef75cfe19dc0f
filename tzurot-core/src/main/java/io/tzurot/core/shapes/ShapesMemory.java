package io.tzurot.core.shapes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One shapes.inc memory (a conversation summary): its text, when it was made, who took part and where.
 * {@code channelId}, {@code guildId} and {@code summaryType} may be null; {@code deleted} ones are not imported.
 */
public record ShapesMemory(String text, Instant createdAt, List<String> senders, String channelId, String guildId,
                           List<String> messageIds, String summaryType, boolean deleted) {

    public ShapesMemory {
        text = text == null ? "" : text;
        Objects.requireNonNull(createdAt, "createdAt");
        senders = List.copyOf(senders);
        messageIds = List.copyOf(messageIds);
    }
}
