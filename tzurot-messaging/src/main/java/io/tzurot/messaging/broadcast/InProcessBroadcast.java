package io.tzurot.messaging.broadcast;

import io.tzurot.core.messaging.Broadcast;
import io.tzurot.core.messaging.Subscription;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded profile's {@link Broadcast}: listeners run inside {@link #publish}, on the publisher's thread. */
public final class InProcessBroadcast implements Broadcast {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessBroadcast.class);

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String message) {
        Objects.requireNonNull(message, "message");
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("broadcast listener failed: {}", e.toString()); // one listener must not silence the others
            }
        }
    }

    @Override
    public Subscription subscribe(Consumer<String> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
