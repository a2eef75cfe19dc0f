package io.tzurot.discord.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work per channel in the order it was enqueued, without holding a thread per message: each channel
 * keeps the future of its last piece of work, and the next starts when that one has finished (however it
 * finished). Used twice: to decide triggers in arrival order, and to deliver replies in that order while
 * the replies themselves are generated concurrently. With an escape hatch, work waits for the work before it at
 * most that long (spec/discord.md §1.10), so one reply that never finishes cannot hold its channel forever.
 */
public final class ChannelQueue {

    /** How long delivered work waits for a stuck predecessor before it goes anyway. */
    public static final Duration ESCAPE_HATCH = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(ChannelQueue.class);

    private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();
    private final Optional<Delays> delays;
    private final Duration escape;

    /** Strict order: work always waits for the work before it. */
    public ChannelQueue() {
        this.delays = Optional.empty();
        this.escape = Duration.ZERO;
    }

    /** Work waits for the work before it at most {@code escape}, timed by {@code delays}. */
    public ChannelQueue(Delays delays, Duration escape) {
        this.delays = Optional.of(delays);
        this.escape = escape;
    }

    /**
     * Starts {@code work} once all work enqueued before it for {@code channel} is done. Must be called in
     * arrival order (e.g. from the gateway's event thread); {@code work} should only start asynchronous work.
     */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> enqueue(String channel, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<?> tail = tails.compute(channel, (key, previous) -> {
            CompletableFuture<Object> after = previous == null ? CompletableFuture.completedFuture(null)
                    : escapable(channel, previous);
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

    /** Completes when {@code previous} has finished, or (with an escape hatch) when it has taken too long. */
    private CompletableFuture<Object> escapable(String channel, CompletableFuture<?> previous) {
        CompletableFuture<Object> gate = new CompletableFuture<>();
        previous.whenComplete((ok, error) -> gate.complete(null));
        if (delays.isPresent() && !gate.isDone()) {
            Delays.Pending timer = delays.get().after(escape, () -> {
                if (gate.complete(null)) {
                    LOG.warn("channel {}: a reply has been pending for {}; delivering the next one without it",
                            channel, escape);
                }
            });
            gate.whenComplete((ok, error) -> timer.cancel());
        }
        return gate;
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
