package io.tzurot.core.messaging;

import java.util.function.Consumer;

/**
 * Best-effort fan-out of short text messages on one named channel to every listening process (streamed reply
 * text, for one). No history and no retry: a listener that is away misses what was sent meanwhile, so a message
 * must never be the only copy of anything that matters.
 */
public interface Broadcast extends AutoCloseable {

    /** Sends {@code message} to the channel's listeners, here and in other processes. */
    void publish(String message);

    /** Calls {@code listener} for every message from now until the subscription is closed, in arrival order. */
    Subscription subscribe(Consumer<String> listener);

    @Override
    void close();
}
