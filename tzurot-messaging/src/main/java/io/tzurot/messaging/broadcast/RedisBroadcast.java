package io.tzurot.messaging.broadcast;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tzurot.core.messaging.Broadcast;
import io.tzurot.core.messaging.Subscription;
import io.tzurot.messaging.redis.RedisMessaging;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distributed profile's {@link Broadcast} on one Redis pub/sub channel under the key prefix. The pub/sub
 * connection opens with the first subscription; listeners run on one thread of their own, off Lettuce's I/O thread,
 * in arrival order. A publisher's own process hears its messages back through Redis like every other process.
 */
public final class RedisBroadcast implements Broadcast {

    private static final Logger LOG = LoggerFactory.getLogger(RedisBroadcast.class);

    private final RedisMessaging redis;
    private final String channel;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private StatefulRedisPubSubConnection<String, String> connection;
    private ExecutorService delivery;

    /** The channel {@code name} (under the key prefix's {@code broadcast:}) on {@code redis}. */
    public RedisBroadcast(RedisMessaging redis, String name) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.channel = redis.key("broadcast", Objects.requireNonNull(name, "name"));
    }

    @Override
    public void publish(String message) {
        Objects.requireNonNull(message, "message");
        redis.commands().publish(channel, message);
    }

    @Override
    public synchronized Subscription subscribe(Consumer<String> listener) {
        Objects.requireNonNull(listener, "listener");
        if (connection == null) {
            delivery = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "tzurot-broadcast");
                t.setDaemon(true);
                return t;
            });
            connection = redis.openPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    if (channel.equals(from)) {
                        delivery.execute(() -> deliver(message));
                    }
                }
            });
            connection.sync().subscribe(channel);
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void deliver(String message) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("broadcast listener failed: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        listeners.clear();
        if (connection != null) {
            connection.close();
            delivery.shutdownNow();
            connection = null;
        }
    }
}
