package io.tzurot.core.summaries;

import java.time.Duration;
import java.time.Instant;

/**
 * The calendar windows memories are grouped by: weeks from Monday 00:00 UTC. The repository computes the same
 * number in SQL ({@link #SQL_OFFSET_SECONDS}, {@link #SECONDS}), so the two must agree.
 */
public final class SummaryWindow {

    /** Length of one window in seconds (a week). */
    public static final long SECONDS = Duration.ofDays(7).toSeconds();
    /** The epoch (1970-01-01) was a Thursday: shifting by three days makes windows start on Mondays. */
    public static final long SQL_OFFSET_SECONDS = Duration.ofDays(3).toSeconds();

    private SummaryWindow() {
    }

    /** The window {@code at} falls in. */
    public static long of(Instant at) {
        return Math.floorDiv(at.getEpochSecond() + SQL_OFFSET_SECONDS, SECONDS);
    }

    /** The first instant of window {@code week}. */
    public static Instant start(long week) {
        return Instant.ofEpochSecond(week * SECONDS - SQL_OFFSET_SECONDS);
    }

    /** The first instant after window {@code week}. */
    public static Instant end(long week) {
        return start(week + 1);
    }
}
