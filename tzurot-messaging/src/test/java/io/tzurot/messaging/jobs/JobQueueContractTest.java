package io.tzurot.messaging.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.messaging.ConsumerOptions;
import io.tzurot.core.messaging.JobConsumer;
import io.tzurot.core.messaging.JobOutcome;
import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.JobRequest;
import io.tzurot.core.messaging.QueueSettings;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisTestSupport;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The job queue contract on each implementation. */
class JobQueueContractTest {

    @Nested
    class InProcess extends JobQueueContract {
        @Override
        protected JobQueue newQueue(QueueSettings settings) {
            return new InProcessJobQueue(settings);
        }

        @Override
        protected QueueBackend backendOf(JobQueue queue) {
            return ((InProcessJobQueue) queue).backend();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnRedis extends JobQueueContract {
        private RedisMessaging redis;

        @BeforeAll
        void connect() {
            redis = RedisTestSupport.connect();
        }

        @AfterAll
        void cleanUp() {
            RedisTestSupport.cleanUp(redis);
        }

        @Override
        protected JobQueue newQueue(QueueSettings settings) {
            return new RedisJobQueue(redis, settings);
        }

        @Override
        protected QueueBackend backendOf(JobQueue queue) {
            return ((RedisJobQueue) queue).backend();
        }

        @Test
        void workersCarryOnAfterRedisLostTheQueue() {
            // As after a restart of a Redis without persistence: the stream and its group are gone.
            try (JobQueue queue = newQueue(QueueSettings.named("lost-" + UUID.randomUUID().toString().substring(0, 8)))) {
                List<String> done = new CopyOnWriteArrayList<>();
                JobConsumer consumer = queue.consume(new ConsumerOptions("w1", 1), job -> {
                    done.add(job.id());
                    return java.util.concurrent.CompletableFuture.completedFuture(JobOutcome.completed());
                });
                try {
                    redis.commands().del(redis.key("q", queue.settings().name(), "jobs"));
                    assertThat(queue.stats().inFlight()).isZero();
                    queue.submit(new JobRequest("after-loss", "test", ""));
                    await().until(() -> done.contains("after-loss"));
                } finally {
                    consumer.close();
                }
            }
        }
    }
}
