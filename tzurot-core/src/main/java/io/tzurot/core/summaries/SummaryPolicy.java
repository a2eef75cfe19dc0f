package io.tzurot.core.summaries;

import java.time.Duration;
import java.util.Objects;

/**
 * Which memories are summarized and how much one sweep may do.
 *
 * @param minAge          only memories older than this are summarized (recent ones stay as they are)
 * @param minMemories     a conversation's week is summarized only once it holds at least this many old memories
 * @param maxOriginals    the most originals one summary covers (a busier week gets several summaries)
 * @param maxChars        the most characters of originals one summary request carries
 * @param maxGroupsPerSweep the most summaries one sweep makes (each is a model call)
 */
public record SummaryPolicy(Duration minAge, int minMemories, int maxOriginals, int maxChars, int maxGroupsPerSweep) {

    /** Older than 30 days, at least 10 in a week, up to 40 originals (24,000 characters), 20 summaries per sweep. */
    public static final SummaryPolicy DEFAULTS = new SummaryPolicy(Duration.ofDays(30), 10, 40, 24_000, 20);

    public SummaryPolicy {
        Objects.requireNonNull(minAge, "minAge");
        if (minAge.isNegative()) {
            throw new IllegalArgumentException("minAge must not be negative, got " + minAge);
        }
        if (minMemories < 2) {
            throw new IllegalArgumentException("minMemories must be at least 2, got " + minMemories);
        }
        if (maxOriginals < minMemories) {
            throw new IllegalArgumentException("maxOriginals must be at least minMemories, got " + maxOriginals);
        }
        if (maxChars < 1000) {
            throw new IllegalArgumentException("maxChars must be at least 1000, got " + maxChars);
        }
        if (maxGroupsPerSweep < 1) {
            throw new IllegalArgumentException("maxGroupsPerSweep must be at least 1, got " + maxGroupsPerSweep);
        }
    }

    /** The same policy with another minimum age and group size (the operator's settings). */
    public SummaryPolicy with(Duration newMinAge, int newMinMemories) {
        return new SummaryPolicy(newMinAge, newMinMemories, Math.max(maxOriginals, newMinMemories), maxChars,
                maxGroupsPerSweep);
    }
}
