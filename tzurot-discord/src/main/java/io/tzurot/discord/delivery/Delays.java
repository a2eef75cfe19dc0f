package io.tzurot.discord.delivery;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs work after a delay: the bot's scheduler when running, a hand-advanced one in tests (so a ten-minute
 * rule is tested without waiting ten minutes).
 */
@FunctionalInterface
public interface Delays {

    /** Runs {@code work} once {@code delay} has passed, unless cancelled first. */
    Pending after(Duration delay, Runnable work);

    /** Work waiting for its time. */
    @FunctionalInterface
    interface Pending {
        /** Keeps the work from running if it has not started yet. */
        void cancel();
    }

    /** Delays on {@code scheduler}. */
    static Delays on(ScheduledExecutorService scheduler) {
        return (delay, work) -> {
            ScheduledFuture<?> future = scheduler.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
