package io.tzurot.core.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Short-term conversation history per channel and personality, with retention and tombstones. */
public interface ConversationHistoryRepository {

    /** Stores the message unless one with its id exists; true when a row was written. */
    boolean append(HistoryMessage message);

    Optional<HistoryMessage> find(UUID id);

    /** The message one of whose Discord message ids is {@code discordMessageId}, deleted or not. */
    Optional<HistoryMessage> findByDiscordMessageId(String discordMessageId);

    /** Live (not soft-deleted) messages of the query's window, oldest first. */
    List<HistoryMessage> recent(RecentHistoryQuery query);

    /** {@link #recent} and {@link #find} of {@code id} together. */
    record RecentAndRow(List<HistoryMessage> recent, Optional<HistoryMessage> row) {
        public RecentAndRow {
            recent = List.copyOf(recent);
            row = java.util.Objects.requireNonNull(row, "row");
        }
    }

    /**
     * {@link #recent} and {@link #find} of {@code id} at once (a reply's history and whether an earlier delivery of
     * it stored its answer already); a store answers both in one round trip where it can.
     */
    default RecentAndRow recentAndFind(RecentHistoryQuery query, UUID id) {
        return new RecentAndRow(recent(query), find(id));
    }

    /** Replaces the Discord message ids (set once the reply's chunks are posted); true when the row exists. */
    boolean setDiscordMessageIds(UUID id, List<String> discordMessageIds);

    /** Records an edit made on Discord; true when a live row was changed. */
    boolean edit(UUID id, String content, Integer tokenCount, Instant editedAt);

    /** Soft-deletes every live message carrying any of these Discord message ids; returns how many. */
    int softDeleteByDiscordMessageIds(Collection<String> discordMessageIds, Instant at);

    /**
     * Hard-deletes messages created before {@code cutoff}, {@code batchSize} at a time, writing a tombstone
     * for each in the same transaction as its delete.
     */
    HistoryPurge purgeOlderThan(Instant cutoff, int batchSize, Instant now);

    /** As {@link #purgeOlderThan(Instant, int, Instant)}, within one channel and personality only. */
    HistoryPurge purgeOlderThan(String channelId, UUID personalityId, Instant cutoff, int batchSize, Instant now);

    /** Every channel and personality holding history, each with its oldest row's time (soft-deleted rows too). */
    List<HistoryGroup> groups();

    /** Drops tombstones written before {@code cutoff}; returns how many. */
    int purgeTombstonesOlderThan(Instant cutoff);

    /** Whether a message with this id was purged (and its tombstone is still kept). */
    boolean isTombstoned(UUID id);

    /** Every message of one persona (soft-deleted ones included), oldest first, a page at a time: for data exports. */
    List<HistoryMessage> listOfPersona(UUID personaId, int offset, int limit);

    /**
     * Counts one persona's live (not soft-deleted) messages with a personality in a channel; visible are those
     * created after {@code after} (all when empty).
     */
    HistoryCounts count(String channelId, UUID personalityId, UUID personaId, Optional<Instant> after);

    /**
     * Counts the live user messages (every person's) with a personality in a channel, the one with id
     * {@code excluding} left out: the user turns an author's note's frequency counts.
     */
    long countUserMessages(String channelId, UUID personalityId, UUID excluding);

    /**
     * Hard-deletes one persona's messages with a personality in a channel, each leaving a tombstone (so a sync
     * from Discord does not bring it back); the number deleted.
     */
    int deleteOf(String channelId, UUID personalityId, UUID personaId, Instant now);

    /** Hard-deletes one message without a tombstone (it is written again, or was never the platform's); true when it existed. */
    boolean remove(UUID id);

    /**
     * Rewrites the row {@code id} as {@code replacement}, its id included (rows referring to it follow): a regenerated
     * reply takes its original's place. True when the row existed.
     */
    boolean replace(UUID id, HistoryMessage replacement);
}
