package io.tzurot.core.memory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored long-term memory without its embedding (spec/datamodel.md §1.5). Nullable components are the
 * optional columns: {@code personaId} (legacy rows only), {@code originalMessageCount}, {@code summarizedAt},
 * {@code sessionId}, {@code canonScope}, {@code summaryType}, {@code channelId}, {@code guildId},
 * {@code legacyShapesUserId} and {@code chunk}; {@code summarizedBy} is the summary that stands for this memory
 * (an original), {@code coversFrom}/{@code coversUntil} the time range of a summary (type {@link #SUMMARY_TYPE});
 * {@code bodyTokens} the tokens of its prompt note's body without names, counted when stored (null when not known:
 * rows stored before the count was kept, or text whose count depends on the names).
 */
public record Memory(
        UUID id,
        UUID personaId,
        UUID personalityId,
        String content,
        boolean summarized,
        Integer originalMessageCount,
        Instant summarizedAt,
        String sessionId,
        String canonScope,
        String summaryType,
        String channelId,
        String guildId,
        List<String> messageIds,
        List<String> senders,
        Instant createdAt,
        Instant updatedAt,
        UUID legacyShapesUserId,
        String sourceSystem,
        String type,
        boolean locked,
        MemoryVisibility visibility,
        MemoryChunk chunk,
        UUID summarizedBy,
        Instant coversFrom,
        Instant coversUntil,
        Integer bodyTokens) {

    /** The {@code type} of a long-term-memory summary (the others are {@code memory} and {@code knowledge}). */
    public static final String SUMMARY_TYPE = "summary";

    public Memory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(content, "content");
        messageIds = List.copyOf(messageIds);
        senders = List.copyOf(senders);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(visibility, "visibility");
    }

    /** True for a summary of older memories (see {@code io.tzurot.core.summaries}). */
    public boolean isSummary() {
        return SUMMARY_TYPE.equals(type);
    }

    /** The chunk position when this memory is one piece of a split text. */
    public Optional<MemoryChunk> chunkInfo() {
        return Optional.ofNullable(chunk);
    }
}
