package io.tzurot.messaging.events;

import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventBus;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.messaging.Subscription;
import java.util.Objects;
import java.util.function.Consumer;

/** The embedded profile's event bus: listeners run on the publishing thread before publish returns. */
public final class InProcessEventBus implements EventBus {

    private final LocalListeners listeners = new LocalListeners();

    @Override
    public void publish(ChangeEvent event) {
        listeners.deliver(Objects.requireNonNull(event, "event"));
    }

    @Override
    public Subscription subscribe(EventTopic topic, Consumer<ChangeEvent> listener) {
        return listeners.add(topic, listener);
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
