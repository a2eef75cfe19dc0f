package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventBus;
import java.time.Duration;
import java.util.Objects;

/**
 * What the caching repositories of one set share: the bus their writes announce on (and whose events evict them),
 * the configuration epoch a worker syncs before each job, the TTL backstop for changes made outside the system, and
 * the catalog that lets metrics watch each cache's hit rate.
 */
public record CacheContext(EventBus bus, ConfigEpoch epoch, Duration ttl, CacheCatalog catalog) {

    public CacheContext {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(catalog, "catalog");
    }

    /** A context whose caches are not watched by metrics. */
    public CacheContext(EventBus bus, ConfigEpoch epoch, Duration ttl) {
        this(bus, epoch, ttl, CacheCatalog.NONE);
    }
}
