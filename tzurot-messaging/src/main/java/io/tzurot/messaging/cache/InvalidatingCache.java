package io.tzurot.messaging.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventBus;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.messaging.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A Caffeine cache that evicts entries when the {@link EventBus} announces a change, in this process or any
 * other, so it never serves data the system itself changed; the TTL only bounds staleness from changes made
 * outside the system. A load that overlaps an eviction is returned but not cached, so a value read before a
 * change cannot be stored after that change's eviction.
 */
public final class InvalidatingCache<K, V> implements AutoCloseable {

    private final Cache<K, V> cache;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long epoch;

    private InvalidatingCache(Builder<K, V> builder) {
        this.cache = Caffeine.newBuilder().maximumSize(builder.maximumSize).expireAfterWrite(builder.ttl)
                .recordStats().build();
        for (Rule<K> rule : builder.rules) {
            subscriptions.add(builder.bus.subscribe(rule.topic(), event -> evict(event, rule)));
        }
    }

    /** A cache whose keys are the ids that events name. */
    public static <V> Builder<String, V> keyedById(EventBus bus) {
        return new Builder<>(bus, true);
    }

    /** A cache with keys of any shape; say with {@link Builder#evictOn} which keys an event's id affects. */
    public static <K, V> Builder<K, V> keyedBy(EventBus bus, Class<K> keyType) {
        Objects.requireNonNull(keyType, "keyType");
        return new Builder<>(bus, keyType == String.class);
    }

    /** The cached value of {@code key}, loading it with {@code loader} (which must not return null) when absent. */
    public V get(K key, Function<? super K, ? extends V> loader) {
        return get(key, loader, value -> true);
    }

    /** Like {@link #get(Object, Function)}, but a loaded value is kept only when {@code keep} accepts it. */
    public V get(K key, Function<? super K, ? extends V> loader, java.util.function.Predicate<? super V> keep) {
        Objects.requireNonNull(key, "key");
        V cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long before = epoch;
        V loaded = loader.apply(key);
        if (loaded == null) {
            throw new IllegalStateException("cache loader returned null for " + key + "; cache Optional values instead");
        }
        lock.readLock().lock();
        try {
            if (epoch == before && keep.test(loaded)) {
                V raced = cache.asMap().putIfAbsent(key, loaded);
                return raced != null ? raced : loaded;
            }
        } finally {
            lock.readLock().unlock();
        }
        return loaded;
    }

    /** The cached value of {@code key}, without loading. */
    public Optional<V> getIfPresent(K key) {
        return Optional.ofNullable(cache.getIfPresent(Objects.requireNonNull(key, "key")));
    }

    /** Empties the cache; a load already running when this is called is not kept. */
    public void invalidateAll() {
        lock.writeLock().lock();
        try {
            epoch++;
            cache.invalidateAll();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Lookups answered from the cache and lookups that had to load, and evictions, since the cache was built. */
    public record Stats(long hits, long misses, long evictions) {
    }

    /** Counts since the cache was built (cheap: Caffeine keeps them in striped counters). */
    public Stats stats() {
        com.github.benmanes.caffeine.cache.stats.CacheStats stats = cache.stats();
        return new Stats(stats.hitCount(), stats.missCount(), stats.evictionCount());
    }

    /** Approximate number of entries. */
    public long estimatedSize() {
        return cache.estimatedSize();
    }

    /** Stops listening to the bus and empties the cache. */
    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        cache.invalidateAll();
    }

    @SuppressWarnings("unchecked")
    private void evict(ChangeEvent event, Rule<K> rule) {
        if (event.isAll()) {
            invalidateAll();
            return;
        }
        lock.writeLock().lock();
        try {
            epoch++;
            if (rule.keysAreIds()) {
                cache.invalidateAll((List<K>) event.ids());
            } else {
                List<String> ids = event.ids();
                cache.asMap().keySet().removeIf(key -> ids.stream().anyMatch(id -> rule.affects().test(key, id)));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** {@code keysAreIds}: keys equal the changed ids, so eviction is a direct lookup rather than a scan. */
    private record Rule<K>(EventTopic topic, BiPredicate<K, String> affects, boolean keysAreIds) {
    }

    /** Configures an {@link InvalidatingCache}. */
    public static final class Builder<K, V> {
        private final EventBus bus;
        private final List<Rule<K>> rules = new ArrayList<>();
        private final boolean stringKeys;
        private long maximumSize = 10_000;
        private Duration ttl = Duration.ofMinutes(5);

        private Builder(EventBus bus, boolean stringKeys) {
            this.bus = Objects.requireNonNull(bus, "bus");
            this.stringKeys = stringKeys;
        }

        /** Most entries kept (least recently used go first); default 10,000. */
        public Builder<K, V> maximumSize(long maximumSize) {
            if (maximumSize < 1) {
                throw new IllegalArgumentException("maximumSize must be positive, got " + maximumSize);
            }
            this.maximumSize = maximumSize;
            return this;
        }

        /** Safety net for changes made outside the system; default 5 minutes. */
        public Builder<K, V> expireAfterWrite(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isZero() || ttl.isNegative()) {
                throw new IllegalArgumentException("ttl must be positive, got " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /** Evicts, on each event of {@code topic}, the keys for which {@code affects(key, changedId)} holds. */
        public Builder<K, V> evictOn(EventTopic topic, BiPredicate<K, String> affects) {
            rules.add(new Rule<>(Objects.requireNonNull(topic, "topic"), Objects.requireNonNull(affects, "affects"), false));
            return this;
        }

        /** Evicts, on each event of {@code topic}, the entries whose key is a changed id (String keys only). */
        public Builder<K, V> evictOnIds(EventTopic topic) {
            if (!stringKeys) {
                throw new IllegalStateException("evictOnIds needs String keys; use evictOn with a key matcher");
            }
            rules.add(new Rule<>(Objects.requireNonNull(topic, "topic"), (key, id) -> key.equals(id), true));
            return this;
        }

        public InvalidatingCache<K, V> build() {
            if (rules.isEmpty()) {
                throw new IllegalStateException("name at least one topic whose events evict entries");
            }
            return new InvalidatingCache<>(this);
        }
    }
}
