package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventBus;
import java.time.Duration;
import java.util.Objects;

/**
 * What the caching repositories of one set share: the bus their writes announce on (and whose events evict them),
 * the configuration epoch a worker syncs before each job, and the TTL backstop for changes made outside the system.
 */
public record CacheContext(EventBus bus, ConfigEpoch epoch, Duration ttl) {

    public CacheContext {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(ttl, "ttl");
    }
}
