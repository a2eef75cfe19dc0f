package io.tzurot.core.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Short-lived shared keys: deduplication marks, sessions, reply maps, rate-limit counters.
 * Every operation is atomic, across processes when the store is shared.
 */
public interface EphemeralKeyStore extends AutoCloseable {

    /** The value of {@code key}, or empty when absent or expired. */
    Optional<String> get(String key);

    /** Sets {@code key} to {@code value}, expiring after {@code ttl}. */
    void set(String key, String value, Duration ttl);

    /** Sets {@code key} to {@code value} with no expiry (e.g. incognito "forever"). */
    void setWithoutExpiry(String key, String value);

    /** Sets {@code key} only when it is absent; true when this call set it (the first of competing callers). */
    boolean setIfAbsent(String key, String value, Duration ttl);

    /**
     * Sets the first of {@code keys} found absent to {@code value}, expiring after {@code ttl}, and returns it; empty
     * when every one is present. As with {@link #setIfAbsent}, no two callers get the same key; a shared store does
     * it in one round trip (e.g. taking one of a user's numbered slots).
     */
    default Optional<String> setFirstAbsent(List<String> keys, String value, Duration ttl) {
        for (String key : keys) {
            if (setIfAbsent(key, value, ttl)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /**
     * Sets {@code key} like {@link #set} without waiting for a shared store to confirm it: the writes of one process
     * reach the store in the order they were made, and a failure is logged, never thrown. For state another process
     * may read a moment later, where the writer has nothing to do with the answer.
     */
    default void setWithoutWaiting(String key, String value, Duration ttl) {
        set(key, value, ttl);
    }

    /** Removes {@code key} like {@link #delete}, without waiting, in order and logged as {@link #setWithoutWaiting}. */
    default void deleteWithoutWaiting(String key) {
        delete(key);
    }

    /**
     * Adds one to the counter at {@code key} and returns the new count; the first increment of a window
     * starts {@code window}, after which the counter disappears (fixed-window rate limits).
     */
    long increment(String key, Duration window);

    /**
     * Takes one token from the bucket at {@code key}: it holds at most {@code capacity} tokens, starts full and
     * gets one back every {@code refillEvery}. Atomic across processes; an idle bucket disappears once full again.
     */
    TokenTake takeToken(String key, int capacity, Duration refillEvery);

    /** Time left before {@code key} expires; empty when absent or without expiry. */
    Optional<Duration> timeToLive(String key);

    /**
     * The live keys starting with {@code prefix} and their values, at most {@link #MAX_LISTED} of them (e.g. the
     * fleet's heartbeats). Not atomic: a key may expire or appear while it is listed.
     */
    java.util.Map<String, String> withPrefix(String prefix);

    /** How many keys {@link #withPrefix} returns at most. */
    int MAX_LISTED = 1000;

    /** Removes {@code key}; true when it existed. */
    boolean delete(String key);

    @Override
    void close();
}
