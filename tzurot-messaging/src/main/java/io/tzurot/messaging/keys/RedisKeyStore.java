package io.tzurot.messaging.keys;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisScript;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The distributed profile's key store: plain Redis keys with TTL under the prefix's {@code k:} namespace. */
public final class RedisKeyStore implements EphemeralKeyStore {

    /** INCR, and start the window on the first hit (or when a counter somehow has no TTL). */
    private static final RedisScript INCREMENT = new RedisScript("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return n
            """);

    private final RedisMessaging redis;

    public RedisKeyStore(RedisMessaging redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(redis.commands().get(k(key)));
    }

    @Override
    public void set(String key, String value, Duration ttl) {
        redis.commands().set(k(key), Keys.value(value), SetArgs.Builder.px(Keys.ttl(ttl)));
    }

    @Override
    public void setWithoutExpiry(String key, String value) {
        redis.commands().set(k(key), Keys.value(value));
    }

    @Override
    public boolean setIfAbsent(String key, String value, Duration ttl) {
        return "OK".equals(redis.commands().set(k(key), Keys.value(value), SetArgs.Builder.nx().px(Keys.ttl(ttl))));
    }

    @Override
    public long increment(String key, Duration window) {
        String full = k(key);
        try {
            return INCREMENT.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {full},
                    Long.toString(Keys.ttl(window).toMillis()));
        } catch (RedisCommandExecutionException e) {
            throw new IllegalStateException("key " + key + " holds a value that is not a counter", e);
        }
    }

    @Override
    public Optional<Duration> timeToLive(String key) {
        long millis = redis.commands().pttl(k(key));
        return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }

    @Override
    public java.util.Map<String, String> withPrefix(String prefix) {
        String full = k(Keys.key(prefix));
        String namespace = k("x");
        namespace = namespace.substring(0, namespace.length() - 1); // the store's own prefix, stripped from each key
        java.util.Map<String, String> found = new java.util.TreeMap<>();
        io.lettuce.core.ScanArgs args = io.lettuce.core.ScanArgs.Builder.matches(glob(full)).limit(200);
        io.lettuce.core.KeyScanCursor<String> cursor = redis.commands().scan(args);
        while (true) {
            for (String key : cursor.getKeys()) {
                if (found.size() >= MAX_LISTED) {
                    return found;
                }
                String value = redis.commands().get(key);
                if (value != null) {
                    found.put(key.substring(namespace.length()), value);
                }
            }
            if (cursor.isFinished()) {
                return found;
            }
            cursor = redis.commands().scan(cursor, args);
        }
    }

    /** A SCAN pattern matching keys that start with {@code literal}: its glob characters escaped. */
    private static String glob(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 1);
        for (char c : literal.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('*').toString();
    }

    @Override
    public boolean delete(String key) {
        return redis.commands().del(k(key)) == 1;
    }

    @Override
    public void close() {
        // The connection belongs to RedisMessaging.
    }

    private String k(String key) {
        return redis.key("k", Keys.key(key));
    }
}
