package io.tzurot.app.cache;

import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventBus;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.messaging.cache.InvalidatingCache;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read cache of one caching repository and the announcement of its writes. Every write through the
 * decorator publishes a change of {@code topic} on the bus, here and (with Redis) in every other process, and
 * any change of the topic empties the whole cache: writes are rare next to reads, and evicting everything can
 * never miss a dependent entry (a lookup by slug, a default-preset link, a list). The TTL is only a backstop for
 * changes made outside the system (e.g. SQL by hand).
 */
final class RepositoryCache {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryCache.class);
    /** Cached "absent" answers and present ones alike; see {@link #getPresent} for reads that must not cache absence. */
    private static final Object ABSENT = new Object();

    private final EventBus bus;
    private final ConfigEpoch epoch;
    private final EventTopic topic;
    private final InvalidatingCache<List<Object>, Object> cache;

    /**
     * @param name what the cache holds, as metrics label it (e.g. {@code personality})
     * @param topic the kind of thing this repository writes (announced on every write, evicts on every event)
     * @param alsoEvictedBy topics whose changes may alter what this repository returns (cascades, links)
     */
    RepositoryCache(CacheContext context, String name, long maximumSize, EventTopic topic, EventTopic... alsoEvictedBy) {
        this.bus = context.bus();
        this.epoch = context.epoch();
        this.topic = topic;
        InvalidatingCache.Builder<List<Object>, Object> builder = InvalidatingCache.<List<Object>, Object>keyedBy(bus, listKey())
                .expireAfterWrite(context.ttl()).maximumSize(maximumSize).evictOn(topic, (key, id) -> true);
        for (EventTopic other : alsoEvictedBy) {
            builder.evictOn(other, (key, id) -> true);
        }
        this.cache = builder.build();
        epoch.register(this);
        context.catalog().add(name, cache);
    }

    /** Empties the cache (the configuration epoch moved). */
    void invalidateAll() {
        cache.invalidateAll();
    }

    @SuppressWarnings("unchecked")
    private static Class<List<Object>> listKey() {
        return (Class<List<Object>>) (Class<?>) List.class;
    }

    /** The cached answer of the read named by {@code key}, loading it once when absent; null answers are cached too. */
    @SuppressWarnings("unchecked")
    <T> T get(Supplier<T> loader, Object... key) {
        Object value = cache.get(Arrays.asList(key), k -> {
            T loaded = loader.get();
            return loaded == null ? ABSENT : loaded instanceof List<?> list ? List.copyOf(list) : loaded;
        });
        return value == ABSENT ? null : (T) value;
    }

    /**
     * Like {@link #get} but an empty answer is not cached: for rows another repository may create without an
     * announcement (a user's default persona is created with the user).
     */
    @SuppressWarnings("unchecked")
    <T> Optional<T> getPresent(Supplier<Optional<T>> loader, Object... key) {
        return (Optional<T>) cache.get(Arrays.asList(key), k -> loader.get(), value -> ((Optional<?>) value).isPresent());
    }

    /** Runs a write and announces it, also when it fails (a failed write may still have changed something). */
    <T> T write(Supplier<T> write) {
        try {
            return write.get();
        } finally {
            announce();
        }
    }

    /** {@link #write} without a result. */
    void run(Runnable write) {
        write(() -> {
            write.run();
            return null;
        });
    }

    private void announce() {
        epoch.bump();
        try {
            bus.publish(ChangeEvent.all(topic));
        } catch (RuntimeException e) {
            // This process evicted already (local listeners run first); others catch up on reconnection or the TTL.
            LOG.warn("could not announce a {} change to other processes: {}", topic, e.getMessage());
        }
    }
}
