package io.tzurot.core.messaging;

/** A running subscription; closing it stops delivery to its handler. */
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
