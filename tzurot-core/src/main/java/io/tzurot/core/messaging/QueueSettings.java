package io.tzurot.core.messaging;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one named job queue.
 *
 * @param name the queue's name (a Redis key component, so short and plain)
 * @param retry attempts and backoff
 * @param visibilityTimeout how long a delivered job may go without a sign of life from its worker
 *     before another worker takes it over (workers renew held jobs well inside this time)
 * @param idempotencyWindow how long a job's id is remembered after submission, so a repeat submission
 *     inside it yields no second job
 */
public record QueueSettings(String name, RetryPolicy retry, Duration visibilityTimeout, Duration idempotencyWindow) {

    public QueueSettings {
        name = Names.requireName(name, "queue name", 64);
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("queue name may only use letters, digits, '_', '.' and '-', got " + name);
        }
        Objects.requireNonNull(retry, "retry");
        requirePositive(visibilityTimeout, "visibilityTimeout");
        requirePositive(idempotencyWindow, "idempotencyWindow");
    }

    /** A queue with the default retry policy, 60 s visibility timeout and a 24 h idempotency window. */
    public static QueueSettings named(String name) {
        return new QueueSettings(name, RetryPolicy.DEFAULT, Duration.ofSeconds(60), Duration.ofHours(24));
    }

    public QueueSettings withRetry(RetryPolicy retry) {
        return new QueueSettings(name, retry, visibilityTimeout, idempotencyWindow);
    }

    public QueueSettings withVisibilityTimeout(Duration visibilityTimeout) {
        return new QueueSettings(name, retry, visibilityTimeout, idempotencyWindow);
    }

    static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
