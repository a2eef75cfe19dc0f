package io.tzurot.core.messaging;

import java.time.Instant;

/**
 * A job that ran out of attempts or was rejected.
 *
 * @param jobId its id (idempotency key)
 * @param type its kind
 * @param payload its payload, so it can be retried or inspected
 * @param attempts how many times it was delivered
 * @param lastError why the last attempt failed
 * @param failedAt when it was dead-lettered
 */
public record DeadLetter(String jobId, String type, String payload, int attempts, String lastError, Instant failedAt) {
}
