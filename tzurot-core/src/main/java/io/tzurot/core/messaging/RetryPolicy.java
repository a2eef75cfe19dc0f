package io.tzurot.core.messaging;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a job is tried and how long to wait between tries: exponential backoff from
 * {@code initialBackoff}, doubling per failed attempt, capped at {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** The reference system's queue defaults: 3 attempts, 2 s backoff doubling (capped at 1 min). */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofMinutes(1));

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 100, got " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff, got " + initialBackoff + " and " + maxBackoff);
        }
    }

    /** The wait after failed attempt number {@code failedAttempt} (1-based) before the next one. */
    public Duration backoffAfter(int failedAttempt) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("failedAttempt must be at least 1, got " + failedAttempt);
        }
        int doublings = Math.min(failedAttempt - 1, 30);
        long millis = initialBackoff.toMillis();
        long delayed = millis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : millis << doublings;
        return Duration.ofMillis(Math.min(delayed, maxBackoff.toMillis()));
    }

    /** True when a job that has failed {@code attempt} times must not be tried again. */
    public boolean exhaustedAfter(int attempt) {
        return attempt >= maxAttempts;
    }
}
