package io.tzurot.core.summaries;

import io.tzurot.core.memory.NewMemory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A summary to store: its text and embedding, its conversation, the time range it covers and the originals it stands
 * for. It is stored as a memory created at {@code coversUntil}, so it sorts and renders with the time it speaks of.
 */
public record NewSummary(UUID id, UUID personaId, UUID personalityId, String channelId, String guildId,
                         String content, float[] embedding, Instant coversFrom, Instant coversUntil,
                         List<UUID> originalIds, Instant summarizedAt) {

    /** The longest summary text kept. */
    public static final int MAX_CHARS = 2000; // what a user may edit a memory to (ManagingMemories.MAX_CONTENT)

    public NewSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(personalityId, "personalityId");
        if (content == null || content.isBlank() || content.length() > MAX_CHARS) {
            throw new IllegalArgumentException("summary content must be 1-" + MAX_CHARS + " characters");
        }
        NewMemory.checkEmbedding(embedding);
        embedding = embedding.clone();
        Objects.requireNonNull(coversFrom, "coversFrom");
        Objects.requireNonNull(coversUntil, "coversUntil");
        if (coversUntil.isBefore(coversFrom)) {
            throw new IllegalArgumentException("coversUntil is before coversFrom");
        }
        originalIds = List.copyOf(originalIds);
        if (originalIds.isEmpty()) {
            throw new IllegalArgumentException("a summary stands for at least one memory");
        }
        Objects.requireNonNull(summarizedAt, "summarizedAt");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewSummary s && id.equals(s.id) && content.equals(s.content)
                && Arrays.equals(embedding, s.embedding) && originalIds.equals(s.originalIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, content, originalIds);
    }

    @Override
    public String toString() {
        return "NewSummary[id=" + id + ", persona=" + personaId + ", personality=" + personalityId + ", originals="
                + originalIds.size() + ", chars=" + content.length() + "]";
    }
}
