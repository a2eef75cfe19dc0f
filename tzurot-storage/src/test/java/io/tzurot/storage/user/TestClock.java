package io.tzurot.storage.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so stored timestamps are known exactly. */
public final class TestClock extends Clock {

    private Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    public static TestClock startingAt(String isoInstant) {
        return new TestClock(Instant.parse(isoInstant));
    }

    /** Moves time forward and returns the new instant. */
    public synchronized Instant advance(Duration by) {
        now = now.plus(by);
        return now;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
