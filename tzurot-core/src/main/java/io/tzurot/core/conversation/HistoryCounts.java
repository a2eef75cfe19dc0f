package io.tzurot.core.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How many of one persona's stored messages with a character a channel holds: all of them, those after the
 * context epoch (the ones the character still sees), and the dates of the oldest and newest.
 */
public record HistoryCounts(long total, long visible, Optional<Instant> oldest, Optional<Instant> newest) {

    public HistoryCounts {
        Objects.requireNonNull(oldest, "oldest");
        Objects.requireNonNull(newest, "newest");
        if (visible < 0 || total < visible) {
            throw new IllegalArgumentException("counts must satisfy 0 <= visible <= total");
        }
    }

    public static HistoryCounts none() {
        return new HistoryCounts(0, 0, Optional.empty(), Optional.empty());
    }

    /** Messages hidden by the epoch. */
    public long hidden() {
        return total - visible;
    }
}
