package io.tzurot.app.cache;

import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.messaging.Messaging;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders configuration writes before the jobs that follow them. A change event travels by pub/sub and a job by
 * the queue, so a worker could take a job before it hears of the edit made just before the job was submitted.
 * Every write therefore also bumps a shared counter (synchronously, before the write returns), and a worker
 * compares the counter with the one it last saw before it starts a job: when they differ it empties its caches
 * first. One key-store read per job; writes are rare, so emptying everything costs little.
 */
public final class ConfigEpoch {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigEpoch.class);
    private static final String KEY = "config-epoch";
    /** The counter's lifetime; if it lapses it restarts, which differs from what workers saw and so still evicts. */
    private static final Duration LIFETIME = Duration.ofDays(3650);
    private static final ConfigEpoch NONE = new ConfigEpoch(null);

    private final EphemeralKeyStore keys;
    private final List<RepositoryCache> caches = new CopyOnWriteArrayList<>();
    private volatile String seen = "";

    public ConfigEpoch(EphemeralKeyStore keys) {
        this.keys = keys;
    }

    /** No shared counter: caches rely on change events alone (one process, or tests). */
    public static ConfigEpoch none() {
        return NONE;
    }

    /**
     * The counter on {@code messaging}'s key store when it is shared (Redis); in one process the change events are
     * delivered before a write returns, so a counter would only add a read per job and empty every cache again.
     */
    public static ConfigEpoch of(Messaging messaging) {
        return messaging.distributed() ? new ConfigEpoch(messaging.keys()) : NONE;
    }

    void register(RepositoryCache cache) {
        if (keys != null) {
            caches.add(cache);
        }
    }

    /** Called by every write, after it ran. */
    void bump() {
        if (keys == null) {
            return;
        }
        try {
            // not recorded as seen: another process may have bumped it in between, and only sync may skip that
            keys.increment(KEY, LIFETIME);
        } catch (RuntimeException e) {
            LOG.warn("could not bump the configuration epoch: {}", e.getMessage());
        }
    }

    /** Empties this process's caches when a write happened anywhere since the last call; call before a job. */
    public void sync() {
        if (keys == null) {
            return;
        }
        String current;
        try {
            current = keys.get(KEY).orElse("0");
        } catch (RuntimeException e) {
            LOG.warn("could not read the configuration epoch; caches emptied to be safe: {}", e.getMessage());
            current = null;
        }
        if (current == null || !current.equals(seen)) {
            caches.forEach(RepositoryCache::invalidateAll);
            if (current != null) {
                seen = current;
            }
        }
    }
}
