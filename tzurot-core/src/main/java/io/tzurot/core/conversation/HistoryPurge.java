package io.tzurot.core.conversation;

/** What a retention purge removed: rows deleted (each leaving a tombstone) and batches it took. */
public record HistoryPurge(int deleted, int batches) {
}
