package io.tzurot.core.usage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records and sums token usage. */
public interface UsageLogRepository {

    /** Writes the entry unless its id exists; true when a row was written. */
    boolean record(UsageLog log);

    /** A user's usage with {@code from <= created_at < to}, all models together. */
    UsageTotals totals(UUID userId, Instant from, Instant to);

    /** The same period per model, heaviest (by total tokens) first. */
    List<UsageTotals> byModel(UUID userId, Instant from, Instant to);

    /** Every user's usage with {@code from <= created_at < to}: total and the {@code limit} heaviest per group. */
    UsageSummary summary(Instant from, Instant to, int limit);

    /** Deletes entries created before {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff);
}
