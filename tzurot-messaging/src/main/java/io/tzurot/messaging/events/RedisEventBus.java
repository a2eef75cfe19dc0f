package io.tzurot.messaging.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventBus;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.messaging.Subscription;
import io.tzurot.messaging.redis.RedisMessaging;
import java.net.SocketAddress;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distributed profile's event bus on Redis pub/sub, one channel per topic under the key prefix.
 * Messages are JSON {@code {"origin":..., "ids":[...]}}; the origin lets a bus skip its own echo, since local
 * listeners already ran inside {@link #publish}. After a lost connection every topic's listeners get an
 * "all" event, because events published meanwhile are gone.
 */
public final class RedisEventBus implements EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(RedisEventBus.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Message(String origin, List<String> ids) {
    }

    private final RedisMessaging redis;
    private final String origin = UUID.randomUUID().toString();
    private final LocalListeners listeners = new LocalListeners();
    private final Map<EventTopic, String> channels = new EnumMap<>(EventTopic.class);
    private final Map<String, EventTopic> topicsByChannel = new HashMap<>();
    private final StatefulRedisPubSubConnection<String, String> connection;
    // Listeners run here, off Lettuce's I/O thread, in arrival order.
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tzurot-events");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean lostConnection = new AtomicBoolean();

    /** Subscribes to every topic's channel on {@code redis}. */
    public RedisEventBus(RedisMessaging redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
        for (EventTopic topic : EventTopic.values()) {
            String channel = redis.key("events", topic.name().toLowerCase(Locale.ROOT));
            channels.put(topic, channel);
            topicsByChannel.put(channel, topic);
        }
        this.connection = redis.openPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                delivery.execute(() -> receive(channel, message));
            }
        });
        connection.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                lostConnection.set(true);
            }

            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                if (lostConnection.compareAndSet(true, false)) {
                    delivery.execute(RedisEventBus.this::everythingChanged);
                }
            }
        });
        connection.sync().subscribe(channels.values().toArray(String[]::new));
    }

    @Override
    public void publish(ChangeEvent event) {
        Objects.requireNonNull(event, "event");
        listeners.deliver(event);
        String body;
        try {
            body = JSON.writeValueAsString(new Message(origin, event.ids()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a change event", e);
        }
        redis.commands().publish(channels.get(event.topic()), body);
    }

    @Override
    public Subscription subscribe(EventTopic topic, Consumer<ChangeEvent> listener) {
        return listeners.add(topic, listener);
    }

    @Override
    public void close() {
        listeners.clear();
        connection.close();
        delivery.shutdown();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void receive(String channel, String body) {
        EventTopic topic = topicsByChannel.get(channel);
        if (topic == null) {
            return;
        }
        Message message;
        try {
            message = JSON.readValue(body, Message.class);
            if (message.origin() == null || message.ids() == null) {
                throw new IllegalArgumentException("origin and ids are required");
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Unreadable: we cannot tell what changed, so treat it as everything.
            LOG.warn("unreadable {} event on Redis; evicting everything of that kind", topic);
            listeners.deliver(ChangeEvent.all(topic));
            return;
        }
        if (origin.equals(message.origin())) {
            return;
        }
        ChangeEvent event;
        try {
            event = new ChangeEvent(topic, message.ids());
        } catch (IllegalArgumentException e) {
            LOG.warn("invalid {} event on Redis ({}); evicting everything of that kind", topic, e.getMessage());
            event = ChangeEvent.all(topic);
        }
        listeners.deliver(event);
    }

    private void everythingChanged() {
        LOG.info("Redis event connection restored; evicting all cached entries, events may have been missed");
        for (EventTopic topic : EventTopic.values()) {
            listeners.deliver(ChangeEvent.all(topic));
        }
    }
}
