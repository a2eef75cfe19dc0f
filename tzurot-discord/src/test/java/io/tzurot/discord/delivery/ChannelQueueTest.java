package io.tzurot.discord.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChannelQueueTest {

    private final ChannelQueue queue = new ChannelQueue();
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    private CompletableFuture<Void> deliverWhen(String channel, CompletableFuture<String> ready) {
        return queue.enqueue(channel, () -> ready.thenAccept(delivered::add));
    }

    @Test
    void aChannelDeliversInEnqueueOrderWhateverFinishesFirst() throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture<String> elsewhere = new CompletableFuture<>();
        deliverWhen("a", first);
        CompletableFuture<Void> last = deliverWhen("a", second);
        deliverWhen("b", elsewhere);

        second.complete("a2");
        elsewhere.complete("b1");
        assertThat(delivered).containsExactly("b1");
        first.complete("a1");
        last.get(5, TimeUnit.SECONDS);

        assertThat(delivered).containsExactly("b1", "a1", "a2");
        assertThat(queue.drain(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailedDeliveryDoesNotBlockTheNextOne() throws Exception {
        CompletableFuture<String> failing = new CompletableFuture<>();
        deliverWhen("c", failing);
        CompletableFuture<Void> next = deliverWhen("c", CompletableFuture.completedFuture("c2"));
        queue.enqueue("c", () -> {
            throw new IllegalStateException("a broken supplier");
        });
        CompletableFuture<Void> afterBroken = deliverWhen("c", CompletableFuture.completedFuture("c3"));

        failing.completeExceptionally(new RuntimeException("boom"));
        next.get(5, TimeUnit.SECONDS);
        afterBroken.get(5, TimeUnit.SECONDS);

        assertThat(delivered).containsExactly("c2", "c3");
    }

    @Test
    void drainReportsWorkStillPending() throws Exception {
        deliverWhen("d", new CompletableFuture<>());
        assertThat(queue.drain(10, TimeUnit.MILLISECONDS)).isFalse();
    }
}
