package io.tzurot.core.memory;

import io.tzurot.core.id.DeterministicIds;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A memory to insert, with its 384-dimension embedding. The id must be the deterministic memory id so a
 * repeated insert of the same text is a no-op; {@link #live} computes it. Nullable components are as in
 * {@link Memory}.
 */
public record NewMemory(
        UUID id,
        UUID personaId,
        UUID personalityId,
        String content,
        float[] embedding,
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
        UUID legacyShapesUserId,
        String sourceSystem,
        MemoryChunk chunk) {

    /** Embedding width of the BGE-small model every memory is embedded with. */
    public static final int DIMENSIONS = 384;

    public NewMemory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personalityId, "personalityId");
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("memory content must not be blank");
        }
        checkEmbedding(embedding);
        embedding = embedding.clone(); // the caller keeps its array; later changes to it must not leak in
        messageIds = List.copyOf(messageIds);
        senders = List.copyOf(senders);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
    }

    /**
     * A memory as the live reply path stores it: deterministic id over (persona, personality, content),
     * {@code canon_scope} {@code session} when there is a session else {@code personal}, summary type
     * {@code conversation}, source {@code tzurot-v3}, no message ids or senders.
     */
    public static NewMemory live(UUID personaId, UUID personalityId, String content, float[] embedding,
                                 String sessionId, String channelId, String guildId, Instant createdAt) {
        Objects.requireNonNull(personaId, "personaId");
        return new NewMemory(DeterministicIds.memory(personaId, personalityId, content), personaId, personalityId, content,
                embedding, false, null, null, sessionId, sessionId == null ? "personal" : "session", "conversation",
                channelId, guildId, List.of(), List.of(), createdAt, null, "tzurot-v3", null);
    }

    /** A copy of this memory marked as one piece of a split text. */
    public NewMemory withChunk(MemoryChunk newChunk) {
        return new NewMemory(id, personaId, personalityId, content, embedding, summarized, originalMessageCount,
                summarizedAt, sessionId, canonScope, summaryType, channelId, guildId, messageIds, senders, createdAt,
                legacyShapesUserId, sourceSystem, newChunk);
    }

    /** Rejects a missing, wrongly sized or non-finite embedding. */
    public static void checkEmbedding(float[] embedding) {
        if (embedding == null || embedding.length != DIMENSIONS) {
            throw new IllegalArgumentException("embedding must have " + DIMENSIONS + " dimensions, got "
                    + (embedding == null ? "none" : embedding.length));
        }
        for (float f : embedding) {
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException("embedding must contain only finite values");
            }
        }
    }

    /** Compares the embedding by value; a record would compare the array reference. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NewMemory m && id.equals(m.id) && Objects.equals(personaId, m.personaId)
                && personalityId.equals(m.personalityId) && content.equals(m.content) && Arrays.equals(embedding, m.embedding)
                && summarized == m.summarized && Objects.equals(originalMessageCount, m.originalMessageCount)
                && Objects.equals(summarizedAt, m.summarizedAt) && Objects.equals(sessionId, m.sessionId)
                && Objects.equals(canonScope, m.canonScope) && Objects.equals(summaryType, m.summaryType)
                && Objects.equals(channelId, m.channelId) && Objects.equals(guildId, m.guildId)
                && messageIds.equals(m.messageIds) && senders.equals(m.senders) && createdAt.equals(m.createdAt)
                && Objects.equals(legacyShapesUserId, m.legacyShapesUserId) && sourceSystem.equals(m.sourceSystem)
                && Objects.equals(chunk, m.chunk);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(id, personaId, personalityId, content, createdAt, chunk) + Arrays.hashCode(embedding);
    }

    @Override
    public String toString() {
        return "NewMemory[id=" + id + ", personaId=" + personaId + ", personalityId=" + personalityId
                + ", chars=" + content.length() + ", chunk=" + chunk + "]";
    }
}
