package io.tzurot.core.messaging;

/**
 * A stream of results read by consumer groups: every group receives every message, the consumers inside
 * a group share them, and a message counts as delivered only once its handler returns (confirmation).
 * Unconfirmed messages, including those held by a consumer that died, are delivered again.
 */
public interface ResultStream extends AutoCloseable {

    /** Appends {@code message}; false when a message with its id was already published (nothing appended). */
    boolean publish(StreamMessage message);

    /**
     * Starts consuming as {@code consumerName} in {@code group} (created on first use, starting from the
     * oldest retained message). Messages are handed to {@code handler} one at a time, in stream order.
     */
    Subscription consume(String group, String consumerName, StreamHandler handler);

    /** Messages of {@code group} delivered but not confirmed yet. */
    long unconfirmed(String group);

    /** The stream's settings. */
    StreamSettings settings();

    @Override
    void close();
}
