package io.tzurot.testkit.discord.state;

import java.time.Instant;

/** Generates Discord-style snowflake ids: milliseconds since the Discord epoch shifted left 22 bits, plus a counter. */
public final class Snowflakes {

    /** 2015-01-01T00:00:00Z, the Discord epoch; JDA derives creation times from ids relative to it. */
    public static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

    private long last;

    /** A new id, strictly greater than every id this generator returned before. */
    public synchronized long next() {
        long candidate = (System.currentTimeMillis() - DISCORD_EPOCH_MILLIS) << 22;
        last = Math.max(candidate, last + 1);
        return last;
    }

    /** The creation instant encoded in a snowflake. */
    public static Instant timestampOf(long snowflake) {
        return Instant.ofEpochMilli((snowflake >>> 22) + DISCORD_EPOCH_MILLIS);
    }
}
