package io.tzurot.core.moderation;

import java.time.Clock;
import java.util.Objects;

/**
 * Deletes denials whose time is up. Expired denials already stop applying the moment they expire; the sweep only
 * keeps the table small, so it may run at any interval.
 */
public final class SweepingExpiredDenials {

    private final DenylistRepository denylist;
    private final Clock clock;

    public SweepingExpiredDenials(DenylistRepository denylist, Clock clock) {
        this.denylist = Objects.requireNonNull(denylist, "denylist");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Deletes every denial expired by now; returns how many. */
    public int sweep() {
        return denylist.deleteExpired(clock.instant());
    }
}
