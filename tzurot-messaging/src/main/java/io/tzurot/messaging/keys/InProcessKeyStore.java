package io.tzurot.messaging.keys;

import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.core.messaging.TokenTake;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded profile's key store: a concurrent map whose entries carry their own deadline. Expired
 * entries read as absent at once and are swept every {@value #SWEEP_EVERY} writes, so no timer thread is needed.
 */
public final class InProcessKeyStore implements EphemeralKeyStore {

    private static final long NO_EXPIRY = Long.MAX_VALUE;
    private static final int SWEEP_EVERY = 1024;

    private record Entry(String value, long expiresAtNanos) {
        boolean expired(long now) {
            return expiresAtNanos != NO_EXPIRY && expiresAtNanos - now <= 0;
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    @Override
    public Optional<String> get(String key) {
        return live(Keys.key(key)).map(Entry::value);
    }

    @Override
    public void set(String key, String value, Duration ttl) {
        entries.put(Keys.key(key), new Entry(Keys.value(value), deadline(Keys.ttl(ttl))));
        wrote();
    }

    @Override
    public void setWithoutExpiry(String key, String value) {
        entries.put(Keys.key(key), new Entry(Keys.value(value), NO_EXPIRY));
        wrote();
    }

    @Override
    public boolean setIfAbsent(String key, String value, Duration ttl) {
        Entry fresh = new Entry(Keys.value(value), deadline(Keys.ttl(ttl)));
        boolean[] set = {false};
        entries.compute(Keys.key(key), (k, old) -> {
            if (old != null && !old.expired(System.nanoTime())) {
                return old;
            }
            set[0] = true;
            return fresh;
        });
        wrote();
        return set[0];
    }

    @Override
    public long increment(String key, Duration window) {
        Keys.ttl(window);
        Entry next = entries.compute(Keys.key(key), (k, old) -> {
            long now = System.nanoTime();
            if (old == null || old.expired(now)) {
                return new Entry("1", now + window.toNanos());
            }
            long count = parseCounter(k, old.value()) + 1;
            long deadline = old.expiresAtNanos() == NO_EXPIRY ? now + window.toNanos() : old.expiresAtNanos();
            return new Entry(Long.toString(count), deadline);
        });
        wrote();
        return Long.parseLong(next.value());
    }

    @Override
    public TokenTake takeToken(String key, int capacity, Duration refillEvery) {
        Keys.capacity(capacity);
        long every = Keys.ttl(refillEvery).toNanos();
        TokenTake[] answer = new TokenTake[1];
        entries.compute(Keys.key(key), (k, old) -> {
            long now = System.nanoTime();
            double tokens = capacity;
            if (old != null && !old.expired(now)) {
                tokens = Math.min(capacity, Bucket.parse(k, old.value()).tokensAt(now, every));
            }
            if (tokens >= 1) {
                tokens -= 1;
                answer[0] = TokenTake.TAKEN;
            } else {
                answer[0] = TokenTake.refused(Duration.ofNanos((long) Math.ceil((1 - tokens) * every)));
            }
            // the bucket is forgotten once it would be full again: a fresh one starts full
            return new Entry(new Bucket(tokens, now).toString(), now + (long) Math.ceil((capacity - tokens) * every) + 1);
        });
        wrote();
        return answer[0];
    }

    /** A bucket's state: its tokens when it was last touched. */
    private record Bucket(double tokens, long atNanos) {
        double tokensAt(long now, long every) {
            return tokens + (double) (now - atNanos) / every;
        }

        @Override
        public String toString() {
            return tokens + "@" + atNanos;
        }

        static Bucket parse(String key, String value) {
            int at = value.indexOf('@');
            try {
                return new Bucket(Double.parseDouble(value.substring(0, at)), Long.parseLong(value.substring(at + 1)));
            } catch (RuntimeException e) {
                throw new IllegalStateException("key " + key + " holds a value that is not a token bucket");
            }
        }
    }

    @Override
    public Optional<Duration> timeToLive(String key) {
        return live(Keys.key(key)).filter(e -> e.expiresAtNanos() != NO_EXPIRY)
                .map(e -> Duration.ofNanos(Math.max(0, e.expiresAtNanos() - System.nanoTime())));
    }

    @Override
    public java.util.Map<String, String> withPrefix(String prefix) {
        Keys.key(prefix);
        long now = System.nanoTime();
        java.util.Map<String, String> found = new java.util.TreeMap<>();
        for (java.util.Map.Entry<String, Entry> e : entries.entrySet()) {
            if (found.size() >= MAX_LISTED) {
                break;
            }
            if (e.getKey().startsWith(prefix) && !e.getValue().expired(now)) {
                found.put(e.getKey(), e.getValue().value());
            }
        }
        return found;
    }

    @Override
    public boolean delete(String key) {
        Entry removed = entries.remove(Keys.key(key));
        return removed != null && !removed.expired(System.nanoTime());
    }

    @Override
    public void close() {
        entries.clear();
    }

    private Optional<Entry> live(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expired(System.nanoTime())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    private static long deadline(Duration ttl) {
        return System.nanoTime() + ttl.toNanos();
    }

    private static long parseCounter(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("key " + key + " holds a value that is not a counter");
        }
    }

    private void wrote() {
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            long now = System.nanoTime();
            entries.entrySet().removeIf(e -> e.getValue().expired(now));
        }
    }
}
