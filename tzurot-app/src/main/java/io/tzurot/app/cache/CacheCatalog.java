package io.tzurot.app.cache;

import io.tzurot.messaging.cache.InvalidatingCache;

/** Told of every repository cache as it is built, so metrics can report each one's hits, misses and size. */
@FunctionalInterface
public interface CacheCatalog {

    /** Watches nothing. */
    CacheCatalog NONE = (name, cache) -> {
    };

    /** {@code cache} serves the repository reads named {@code name} (e.g. {@code personality}). */
    void add(String name, InvalidatingCache<?, ?> cache);
}
