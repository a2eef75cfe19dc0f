package io.tzurot.web.personality;

import io.tzurot.web.http.ApiException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many avatar images are decoded at once, so a burst of uploads cannot multiply memory: work
 * beyond the bound waits briefly for a turn, then is refused with a 503 that says to retry.
 */
final class ImageWork {

    /** Images decoded at once across the whole process. */
    static final int MAX_CONCURRENT = 2;
    /** How long an upload waits for a turn before it is refused. */
    static final Duration WAIT = Duration.ofSeconds(10);
    static final ImageWork SHARED = new ImageWork(MAX_CONCURRENT, WAIT);

    private final Semaphore turns;
    private final Duration wait;

    ImageWork(int concurrent, Duration wait) {
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
            throw new ApiException(503, "busy", "Too many images are being processed right now; try '" + field
                    + "' again in a few seconds.", field);
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
