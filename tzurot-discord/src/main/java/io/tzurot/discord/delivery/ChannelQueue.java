package io.tzurot.discord.delivery;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Delivers work per channel in the order it was enqueued, without holding a thread per message: each
 * channel keeps the future of its last delivery, and a new delivery starts when that one has finished
 * (however it finished). Replies themselves are generated concurrently; only delivery is ordered.
 */
public final class ChannelQueue {

    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /**
     * Runs {@code delivery} once every delivery enqueued before it for {@code channel} is done. Must be
     * called in arrival order (e.g. from the gateway's event thread).
     */
    public CompletableFuture<Void> enqueue(String channel, Supplier<CompletableFuture<Void>> delivery) {
        CompletableFuture<Void> tail = tails.compute(channel, (key, previous) -> {
            CompletableFuture<Void> after = previous == null ? CompletableFuture.completedFuture(null)
                    : previous.handle((ok, error) -> null);
            return after.thenCompose(ignored -> {
                try {
                    return delivery.get();
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            });
        });
        // forget a finished channel unless something was queued behind it meanwhile
        tail.whenComplete((ok, error) -> tails.remove(channel, tail));
        return tail;
    }

    /** Waits until everything queued so far has been delivered, or the timeout passes; true when drained. */
    public boolean drain(long timeout, TimeUnit unit) throws InterruptedException {
        CompletableFuture<?>[] pending = tails.values().stream().map(f -> f.handle((ok, e) -> null))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(pending).get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true; // failures were already handled by each delivery
        }
    }
}
