package io.tzurot.core.messaging;

import java.util.Objects;

/**
 * A job to submit. The idempotency key is the job's id: submitting the same key again while the queue
 * still remembers it yields the existing job, never a second one.
 *
 * @param idempotencyKey the job id, derived from what triggered the job (e.g. the Discord message id)
 * @param type the job kind, so one queue can carry any kind of work
 * @param payload opaque to the queue (typically JSON)
 */
public record JobRequest(String idempotencyKey, String type, String payload) {

    /** Longest accepted idempotency key or type name, to keep Redis keys bounded. */
    public static final int MAX_KEY_LENGTH = 200;

    public JobRequest {
        idempotencyKey = Names.requireName(idempotencyKey, "idempotencyKey", MAX_KEY_LENGTH);
        type = Names.requireName(type, "type", MAX_KEY_LENGTH);
        Objects.requireNonNull(payload, "payload must not be null (use an empty string)");
    }
}
