package io.tzurot.messaging.keys;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the key stores. */
final class Keys {

    static final int MAX_KEY_LENGTH = 512;

    private Keys() {
    }

    static String key(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key must be at most " + MAX_KEY_LENGTH + " characters, got " + key.length());
        }
        return key;
    }

    static String value(String value) {
        return Objects.requireNonNull(value, "value must not be null");
    }

    static Duration ttl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl must not be null");
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("ttl must be at least 1 ms, got " + ttl);
        }
        return ttl;
    }

    static int capacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        return capacity;
    }
}
