package io.tzurot.messaging;

import io.tzurot.core.messaging.Broadcast;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.core.messaging.EventBus;
import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.QueueSettings;
import io.tzurot.core.messaging.ResultStream;
import io.tzurot.core.messaging.StreamSettings;
import io.tzurot.messaging.broadcast.InProcessBroadcast;
import io.tzurot.messaging.broadcast.RedisBroadcast;
import io.tzurot.messaging.events.InProcessEventBus;
import io.tzurot.messaging.events.RedisEventBus;
import io.tzurot.messaging.jobs.InProcessJobQueue;
import io.tzurot.messaging.jobs.RedisJobQueue;
import io.tzurot.messaging.keys.InProcessKeyStore;
import io.tzurot.messaging.keys.RedisKeyStore;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.results.InProcessResultStream;
import io.tzurot.messaging.results.RedisResultStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messaging side of one process, for the app's wiring: in-process (embedded profile) or on Redis
 * (distributed profile). Queues and streams are opened once per name and shared, so a role that submits and
 * a role that consumes in the same process see the same queue.
 */
public final class Messaging implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Messaging.class);

    private final RedisMessaging redis;
    private final EventBus events;
    private final EphemeralKeyStore keys;
    private final Map<String, JobQueue> queues = new ConcurrentHashMap<>();
    private final Map<String, ResultStream> streams = new ConcurrentHashMap<>();
    private final Map<String, Broadcast> broadcasts = new ConcurrentHashMap<>();

    private Messaging(RedisMessaging redis) {
        this.redis = redis;
        this.events = redis == null ? new InProcessEventBus() : new RedisEventBus(redis);
        this.keys = redis == null ? new InProcessKeyStore() : new RedisKeyStore(redis);
    }

    /** Everything in this process's memory. */
    public static Messaging inProcess() {
        return new Messaging(null);
    }

    /** Everything on the Redis at {@code redisUrl}, under {@code keyPrefix} (e.g. {@code tzurot}). */
    public static Messaging redis(String redisUrl, String keyPrefix) {
        return new Messaging(RedisMessaging.connect(redisUrl, keyPrefix));
    }

    /** True on Redis, where other processes share the queues, streams, events and keys. */
    public boolean distributed() {
        return redis != null;
    }

    /** The queue named {@code settings.name()}; the first caller's settings win for the process. */
    public JobQueue queue(QueueSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return queues.computeIfAbsent(settings.name(),
                name -> redis == null ? new InProcessJobQueue(settings) : new RedisJobQueue(redis, settings));
    }

    /** The result stream named {@code settings.name()}; the first caller's settings win for the process. */
    public ResultStream stream(StreamSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return streams.computeIfAbsent(settings.name(),
                name -> redis == null ? new InProcessResultStream(settings) : new RedisResultStream(redis, settings));
    }

    /** The broadcast channel {@code name}, opened once per process and shared. */
    public Broadcast broadcast(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,49}")) {
            throw new IllegalArgumentException("broadcast name must be 1-50 lowercase letters, digits or '-', got " + name);
        }
        return broadcasts.computeIfAbsent(name,
                n -> redis == null ? new InProcessBroadcast() : new RedisBroadcast(redis, n));
    }

    /** The event bus for cache invalidation. */
    public EventBus events() {
        return events;
    }

    /** The ephemeral key store. */
    public EphemeralKeyStore keys() {
        return keys;
    }

    /** Whether the backing service answers (always true in-process), for health checks. */
    public boolean healthy() {
        if (redis == null) {
            return true;
        }
        if (!redis.connected()) {
            return false; // a command now would wait out the reconnection; the answer is known already
        }
        try {
            return "PONG".equals(redis.commands().ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The Redis connection, when distributed (for tools such as a jobs CLI). */
    public Optional<RedisMessaging> redisConnection() {
        return Optional.ofNullable(redis);
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(broadcasts.values());
        all.addAll(streams.values());
        all.addAll(queues.values());
        all.add(events);
        all.add(keys);
        for (AutoCloseable closeable : all) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing the rest matters more than one failure during shutdown.
                LOG.warn("could not close {}", closeable.getClass().getSimpleName(), e);
            }
        }
        if (redis != null) {
            redis.close();
        }
    }
}
