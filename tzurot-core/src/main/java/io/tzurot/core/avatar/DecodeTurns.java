package io.tzurot.core.avatar;

import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many avatar images are decoded at once, so a burst of uploads cannot multiply memory: work
 * beyond the bound waits briefly for a turn, then is refused as busy (try again shortly).
 */
final class DecodeTurns {

    private final Semaphore turns;
    private final Duration wait;

    DecodeTurns(int concurrent, Duration wait) {
        this.turns = new Semaphore(concurrent, true);
        this.wait = wait;
    }

    <T> T run(String field, Supplier<T> work) {
        boolean got;
        try {
            got = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw DomainException.unavailable(DomainError.Reason.BUSY, "Too many images are being processed right now;"
                    + " try '" + field + "' again in a few seconds.");
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
