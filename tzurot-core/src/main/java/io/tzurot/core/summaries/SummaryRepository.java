package io.tzurot.core.summaries;

import io.tzurot.core.memory.Memory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Finds summarizable memories and stores summaries. Originals are visible memories of type {@code memory}, not
 * pieces of a split text, not summarized yet, created before a cut-off.
 */
public interface SummaryRepository {

    /**
     * Conversation weeks holding at least {@code minMemories} originals created before {@code olderThan}, oldest week
     * first, at most {@code limit}.
     */
    List<SummaryGroup> groups(Instant olderThan, int minMemories, int limit);

    /** The group's originals created before {@code olderThan}, oldest first, at most {@code limit}. */
    List<Memory> originals(SummaryGroup group, Instant olderThan, int limit);

    /**
     * In one transaction: marks every one of {@code originalIds} as summarized by the summary and inserts it (type
     * {@code summary}, its own embedding, {@code original_message_count}, the time range). Writes nothing and answers
     * false when any original is no longer an unsummarized visible memory (another worker, a deletion, an edit race).
     */
    boolean store(NewSummary summary);

    /** The ids of the originals the summary stands for, oldest first. */
    List<UUID> originalsOf(UUID summaryId);
}
