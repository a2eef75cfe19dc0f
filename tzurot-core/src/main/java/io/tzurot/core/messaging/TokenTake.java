package io.tzurot.core.messaging;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of a token bucket: whether a token was taken and, when not, how long until the next one.
 *
 * @param taken true when the caller may go ahead
 * @param retryAfter zero when taken; otherwise the wait until a token is back
 */
public record TokenTake(boolean taken, Duration retryAfter) {

    /** A token was taken. */
    public static final TokenTake TAKEN = new TokenTake(true, Duration.ZERO);

    public TokenTake {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative() || (taken && !retryAfter.isZero())) {
            throw new IllegalArgumentException("retryAfter must be zero when taken and not negative, got " + retryAfter);
        }
    }

    /** Refused: wait {@code retryAfter}. */
    public static TokenTake refused(Duration retryAfter) {
        return new TokenTake(false, retryAfter);
    }
}
