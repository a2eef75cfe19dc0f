package io.tzurot.core.attachment;

import java.time.Instant;
import java.util.Optional;

/**
 * Durable cache of image descriptions and audio transcripts. The key is a Discord attachment id or a
 * content hash (at most 128 characters); callers pick distinct keys for images and audio.
 */
public interface DescriptionCache {

    /** Longest accepted key. */
    int MAX_KEY_LENGTH = 128;

    Optional<CachedDescription> find(String key);

    /** Stores or replaces the entry for the key (a success replaces an earlier failure and vice versa). */
    void put(String key, CachedDescription value, Instant at);

    /** Forgets the key; true when it was cached. */
    boolean remove(String key);

    /** Rejects keys the table cannot hold. */
    static String checkKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("cache key must be 1-" + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }
}
