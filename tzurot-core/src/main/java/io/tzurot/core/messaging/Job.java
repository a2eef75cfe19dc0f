package io.tzurot.core.messaging;

import java.util.Objects;

/**
 * A job handed to a worker. Delivery is at least once: {@code attempt > 1} means an earlier attempt failed
 * or its worker died, so a handler that writes must check whether that attempt already wrote.
 *
 * @param id the idempotency key it was submitted with
 * @param type the job kind
 * @param payload opaque payload as submitted
 * @param attempt 1 for the first delivery, counting every delivery since (failures and recoveries)
 */
public record Job(String id, String type, String payload, int attempt) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
        }
    }

    /** True when an earlier delivery of this job may already have had effects. */
    public boolean isRedelivery() {
        return attempt > 1;
    }
}
