package io.tzurot.core.messaging;

import java.util.Objects;

/**
 * A message on a {@link ResultStream}, typically a job's result.
 *
 * @param id unique per message, typically the job id: publishing the same id twice delivers once
 * @param type the message kind
 * @param payload opaque payload (typically JSON)
 */
public record StreamMessage(String id, String type, String payload) {

    public StreamMessage {
        id = Names.requireName(id, "message id", JobRequest.MAX_KEY_LENGTH);
        type = Names.requireName(type, "message type", JobRequest.MAX_KEY_LENGTH);
        Objects.requireNonNull(payload, "payload must not be null (use an empty string)");
    }
}
