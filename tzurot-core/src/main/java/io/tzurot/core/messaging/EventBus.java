package io.tzurot.core.messaging;

import java.util.function.Consumer;

/**
 * Broadcasts {@link ChangeEvent}s to every process. Listeners in the publishing process run before
 * {@link #publish} returns, so a process never serves what it just changed; other processes follow
 * as fast as the transport allows. Delivery is best effort: when the connection drops, listeners receive an
 * "all" event per topic on reconnection, since events may have been missed.
 */
public interface EventBus extends AutoCloseable {

    /** Announces {@code event} to all listeners of its topic, here and in other processes. */
    void publish(ChangeEvent event);

    /** Calls {@code listener} for every event of {@code topic} until the subscription is closed. */
    Subscription subscribe(EventTopic topic, Consumer<ChangeEvent> listener);

    @Override
    void close();
}
