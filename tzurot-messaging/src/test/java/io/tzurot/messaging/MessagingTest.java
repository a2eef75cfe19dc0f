package io.tzurot.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.messaging.ConsumerOptions;
import io.tzurot.core.messaging.JobOutcome;
import io.tzurot.core.messaging.JobRequest;
import io.tzurot.core.messaging.QueueSettings;
import io.tzurot.core.messaging.StreamMessage;
import io.tzurot.core.messaging.StreamSettings;
import io.tzurot.testkit.ServiceTargets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A job submitted, worked and its result delivered, through the facade of each profile. */
class MessagingTest {

    private static void roundTrip(Messaging messaging) throws InterruptedException {
        var queue = messaging.queue(QueueSettings.named("llm"));
        assertThat(messaging.queue(QueueSettings.named("llm"))).isSameAs(queue);
        var results = messaging.stream(StreamSettings.named("job-results"));
        var consumer = queue.consume(new ConsumerOptions("worker-1", 2), job -> {
            results.publish(new StreamMessage(job.id(), "reply", job.payload().toUpperCase()));
            return java.util.concurrent.CompletableFuture.completedFuture(JobOutcome.completed());
        });
        List<StreamMessage> delivered = new CopyOnWriteArrayList<>();
        var subscription = results.consume("bots", "bot-1", delivered::add);
        try {
            queue.submit(new JobRequest("msg-1", "llm-generation", "hello"));
            queue.submit(new JobRequest("msg-1", "llm-generation", "hello"));
            await().until(() -> delivered.size() == 1);
            assertThat(delivered.get(0)).isEqualTo(new StreamMessage("msg-1", "reply", "HELLO"));
            assertThat(messaging.healthy()).isTrue();
        } finally {
            subscription.close();
            consumer.stop(java.time.Duration.ofSeconds(5));
        }
    }

    @Test
    void inProcess() throws InterruptedException {
        try (Messaging messaging = Messaging.inProcess()) {
            assertThat(messaging.distributed()).isFalse();
            roundTrip(messaging);
        }
    }

    @Test
    void onRedis() throws InterruptedException {
        String prefix = "tzurot-test-" + UUID.randomUUID();
        try (Messaging messaging = Messaging.redis(ServiceTargets.redisUrl(), prefix)) {
            assertThat(messaging.distributed()).isTrue();
            try {
                roundTrip(messaging);
            } finally {
                var commands = messaging.redisConnection().orElseThrow().commands();
                commands.keys(prefix + ":*").forEach(commands::unlink);
            }
        }
    }
}
