package io.tzurot.core.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The rate limits in force, read from the repository at most every {@link #REFRESH} (they are asked for on every
 * message and every chat request); a change by the bot owner applies everywhere within that.
 */
public final class CurrentRateLimits implements Supplier<RateLimits> {

    /** How long read limits are trusted. */
    public static final Duration REFRESH = Duration.ofSeconds(30);

    private record Read(RateLimits limits, Instant at) {
    }

    private final RateLimitsRepository repository;
    private final Clock clock;
    private volatile Read last;

    public CurrentRateLimits(RateLimitsRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RateLimits get() {
        Read read = last;
        Instant now = clock.instant();
        if (read == null || !now.isBefore(read.at().plus(REFRESH))) {
            read = new Read(fetch(read), now);
            last = read;
        }
        return read.limits();
    }

    /** A database hiccup keeps the last known limits rather than failing every message. */
    private RateLimits fetch(Read previous) {
        try {
            return repository.get();
        } catch (RuntimeException e) {
            return previous == null ? RateLimits.DEFAULTS : previous.limits();
        }
    }
}
