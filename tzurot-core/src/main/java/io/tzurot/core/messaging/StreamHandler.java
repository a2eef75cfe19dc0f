package io.tzurot.core.messaging;

/** Receives messages from a {@link ResultStream}; returning normally confirms delivery. */
@FunctionalInterface
public interface StreamHandler {

    /** Delivers {@code message}; an exception leaves it unconfirmed so it is delivered again later. */
    void deliver(StreamMessage message) throws Exception;
}
