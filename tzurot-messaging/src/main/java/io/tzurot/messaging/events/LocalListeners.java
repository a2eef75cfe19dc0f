package io.tzurot.messaging.events;

import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.messaging.Subscription;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of one bus in one process, by topic; a failing listener never stops the others. */
final class LocalListeners {

    private static final Logger LOG = LoggerFactory.getLogger(LocalListeners.class);

    private final Map<EventTopic, List<Consumer<ChangeEvent>>> byTopic = new EnumMap<>(EventTopic.class);

    LocalListeners() {
        for (EventTopic topic : EventTopic.values()) {
            byTopic.put(topic, new CopyOnWriteArrayList<>());
        }
    }

    Subscription add(EventTopic topic, Consumer<ChangeEvent> listener) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(listener, "listener");
        List<Consumer<ChangeEvent>> listeners = byTopic.get(topic);
        // A wrapper per subscription, so subscribing the same listener twice gives two independent subscriptions.
        Consumer<ChangeEvent> entry = listener::accept;
        listeners.add(entry);
        return () -> listeners.remove(entry);
    }

    void deliver(ChangeEvent event) {
        for (Consumer<ChangeEvent> listener : byTopic.get(event.topic())) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a listener of {} events failed", event.topic(), e);
            }
        }
    }

    void clear() {
        byTopic.values().forEach(List::clear);
    }
}
