package io.tzurot.ai.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How model calls are retried (spec pipeline.md §5.3): at most {@code maxAttempts}, each bounded by
 * {@code attemptTimeout}, no new attempt once {@code totalBudget} is spent, exponential backoff
 * {@code min(initialBackoff * 2^(n-1), maxBackoff)} between attempts.
 */
public record RetryPolicy(int maxAttempts, Duration attemptTimeout, Duration totalBudget,
                          Duration initialBackoff, Duration maxBackoff) {

    /** The reference values for chat: 3 attempts, 180 s each, 480 s in all, 1 s doubling up to 10 s. */
    public static final RetryPolicy CHAT = new RetryPolicy(3, Duration.ofSeconds(180), Duration.ofSeconds(480),
            Duration.ofSeconds(1), Duration.ofSeconds(10));

    /** Vision (spec §10.1): 3 attempts of 90 s within 270 s. */
    public static final RetryPolicy VISION = new RetryPolicy(3, Duration.ofSeconds(90), Duration.ofSeconds(270),
            Duration.ofSeconds(1), Duration.ofSeconds(10));

    /** Transcription (spec §10.2): 3 attempts, Whisper client timeout 180 s. */
    public static final RetryPolicy TRANSCRIPTION = new RetryPolicy(3, Duration.ofSeconds(180),
            Duration.ofSeconds(480), Duration.ofSeconds(1), Duration.ofSeconds(10));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        positive("attemptTimeout", attemptTimeout);
        positive("totalBudget", totalBudget);
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initialBackoff <= maxBackoff");
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** Wait before attempt {@code nextAttempt} (2 for the first retry). */
    public Duration backoffBefore(int nextAttempt) {
        int doublings = Math.min(Math.max(0, nextAttempt - 2), 30);
        long millis = initialBackoff.toMillis() << doublings;
        return Duration.ofMillis(Math.min(millis < 0 ? Long.MAX_VALUE : millis, maxBackoff.toMillis()));
    }
}
