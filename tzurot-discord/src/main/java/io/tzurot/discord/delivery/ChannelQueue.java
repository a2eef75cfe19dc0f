package io.tzurot.discord.delivery;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs work per channel in the order it was enqueued, without holding a thread per message: each channel
 * keeps the future of its last piece of work, and the next starts when that one has finished (however it
 * finished). Used twice: to decide triggers in arrival order, and to deliver replies in that order while
 * the replies themselves are generated concurrently.
 */
public final class ChannelQueue {

    private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    /**
     * Starts {@code work} once all work enqueued before it for {@code channel} is done. Must be called in
     * arrival order (e.g. from the gateway's event thread); {@code work} should only start asynchronous work.
     */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> enqueue(String channel, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<?> tail = tails.compute(channel, (key, previous) -> {
            CompletableFuture<Object> after = previous == null ? CompletableFuture.completedFuture(null)
                    : previous.handle((ok, error) -> null);
            return after.thenCompose(ignored -> {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            });
        });
        // forget a finished channel unless something was queued behind it meanwhile
        tail.whenComplete((ok, error) -> tails.remove(channel, tail));
        return (CompletableFuture<T>) tail;
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
