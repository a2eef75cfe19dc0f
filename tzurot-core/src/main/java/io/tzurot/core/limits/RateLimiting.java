package io.tzurot.core.limits;

import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.core.messaging.TokenTake;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Decides whether a user may have another reply or run another command, by a token bucket per user and kind in
 * the shared key store (so every process counts together). A limited user is told once per wait: the first
 * refusal says so, the ones until the next token are dropped silently, so nothing piles up.
 */
public final class RateLimiting {

    /** What is being limited. */
    public enum Kind {
        REPLY, COMMAND
    }

    /** The answer for one request. */
    public sealed interface Decision {
        /** Go ahead. */
        record Allowed() implements Decision {
        }

        /**
         * Refused until {@code retryAfter}; {@code tellUser} is true for the first refusal of this wait only.
         */
        record Limited(boolean tellUser, Duration retryAfter) implements Decision {
        }
    }

    private static final Decision ALLOWED = new Decision.Allowed();

    private final EphemeralKeyStore keys;
    private final CurrentRateLimits current;

    public RateLimiting(EphemeralKeyStore keys, CurrentRateLimits current) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.current = Objects.requireNonNull(current, "current");
    }

    /** Over the limits of {@code repository}, re-read every {@link CurrentRateLimits#REFRESH}. */
    public RateLimiting(EphemeralKeyStore keys, RateLimitsRepository repository, Clock clock) {
        this(keys, new CurrentRateLimits(repository, clock));
    }

    /** Takes a token for {@code userKey} (a platform user id); refused past the burst until tokens come back. */
    public Decision take(Kind kind, String userKey) {
        Objects.requireNonNull(userKey, "userKey");
        RateLimits limits = limits();
        String bucket = "ratelimit:" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + userKey;
        TokenTake take = kind == Kind.REPLY
                ? keys.takeToken(bucket, limits.replyBurst(), limits.replyRefill())
                : keys.takeToken(bucket, limits.commandBurst(), limits.commandRefill());
        if (take.taken()) {
            return ALLOWED;
        }
        Duration wait = take.retryAfter().isZero() ? Duration.ofMillis(1) : take.retryAfter();
        // one notice per wait: the mark lives exactly as long as the user has to wait
        boolean first = keys.setIfAbsent(bucket + ":noticed", "1", wait);
        return new Decision.Limited(first, wait);
    }

    /** The limits in force. */
    public RateLimits limits() {
        return current.get();
    }
}
