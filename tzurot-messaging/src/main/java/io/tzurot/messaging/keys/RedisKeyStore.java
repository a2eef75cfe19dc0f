package io.tzurot.messaging.keys;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.core.messaging.TokenTake;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisScript;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /**
     * One token from the bucket (hash: t = tokens, at = ms of the last touch, by Redis's own clock so every process
     * agrees). Returns {1, 0} when taken, {0, ms to wait} when not; the hash expires once it would be full again.
     */
    private static final RedisScript TAKE_TOKEN = new RedisScript("""
            local kind = redis.call('TYPE', KEYS[1]).ok
            if kind ~= 'hash' and kind ~= 'none' then
              return redis.error_reply('WRONGTYPE not a token bucket')
            end
            local capacity = tonumber(ARGV[1])
            local every = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 't', 'at')
            local tokens = capacity
            if state[1] then
              tokens = math.min(capacity, tonumber(state[1]) + math.max(0, now - tonumber(state[2])) / every)
            end
            local taken = 0
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
              taken = 1
            else
              wait = math.ceil((1 - tokens) * every)
            end
            redis.call('HSET', KEYS[1], 't', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) * every) + 1)
            return {taken, wait}
            """);

    /** KEYS: the candidates. ARGV: value, ttl in ms. The 1-based index of the key set, 0 when all are present. */
    private static final RedisScript SET_FIRST_ABSENT = new RedisScript("""
            for i, key in ipairs(KEYS) do
              if redis.call('SET', key, ARGV[1], 'NX', 'PX', ARGV[2]) then return i end
            end
            return 0
            """);

    private static final Logger LOG = LoggerFactory.getLogger(RedisKeyStore.class);

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
    public Optional<String> setFirstAbsent(List<String> keys, String value, Duration ttl) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String[] full = keys.stream().map(this::k).toArray(String[]::new);
        long index = SET_FIRST_ABSENT.run(redis.commands(), ScriptOutputType.INTEGER, full, Keys.value(value),
                Long.toString(Keys.ttl(ttl).toMillis()));
        return index == 0 ? Optional.empty() : Optional.of(keys.get((int) index - 1));
    }

    @Override
    public void setWithoutWaiting(String key, String value, Duration ttl) {
        logFailure(redis.asyncCommands().set(k(key), Keys.value(value), SetArgs.Builder.px(Keys.ttl(ttl))), "set", key);
    }

    @Override
    public void deleteWithoutWaiting(String key) {
        logFailure(redis.asyncCommands().del(k(key)), "removed", key);
    }

    /** Nobody waits for an unwaited write's answer: its failure is logged (the key's name only, never its value). */
    private static void logFailure(CompletionStage<?> write, String what, String key) {
        write.exceptionally(e -> {
            LOG.warn("key {} not {}: {}", key, what, e.toString());
            return null;
        });
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
    public TokenTake takeToken(String key, int capacity, Duration refillEvery) {
        String full = k(key);
        List<Long> answer;
        try {
            answer = TAKE_TOKEN.run(redis.commands(), ScriptOutputType.MULTI, new String[] {full},
                    Integer.toString(Keys.capacity(capacity)), Long.toString(Keys.ttl(refillEvery).toMillis()));
        } catch (RedisCommandExecutionException e) {
            throw new IllegalStateException("key " + key + " holds a value that is not a token bucket", e);
        }
        return answer.get(0) == 1L ? TokenTake.TAKEN : TokenTake.refused(Duration.ofMillis(answer.get(1)));
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
