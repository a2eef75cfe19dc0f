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

        @Test
        void aJobRunsAgainWhenSubmittedAfterRedisLostItWhileAWorkerHeldIt() {
            // A restart without persistence while a worker runs a job: the client, which never got the result,
            // submits the job again. The old delivery finishing (before or after that) must not mark the new one done.
            for (boolean oldFinishesFirst : new boolean[] {true, false}) {
                String name = "held-" + UUID.randomUUID().toString().substring(0, 8);
                try (JobQueue queue = newQueue(QueueSettings.named(name))) {
                    List<Integer> attempts = new CopyOnWriteArrayList<>();
                    java.util.concurrent.CompletableFuture<JobOutcome> first = new java.util.concurrent.CompletableFuture<>();
                    JobConsumer consumer = queue.consume(new ConsumerOptions("w1", 2), job -> {
                        attempts.add(job.attempt());
                        return attempts.size() == 1 ? first
                                : java.util.concurrent.CompletableFuture.completedFuture(JobOutcome.completed());
                    });
                    try {
                        queue.submit(new JobRequest("held", "test", ""));
                        await().until(() -> attempts.size() == 1);
                        List<String> keys = redis.commands().keys(redis.key("q", name) + "*");
                        redis.commands().del(keys.toArray(String[]::new));
                        if (oldFinishesFirst) {
                            first.complete(JobOutcome.completed());
                            await().until(() -> consumer.inFlight() == 0);
                        }
                        assertThat(queue.submit(new JobRequest("held", "test", "")).created())
                                .as("submitted again after the loss (old delivery finished first: %s)", oldFinishesFirst).isTrue();
                        if (!oldFinishesFirst) {
                            first.complete(JobOutcome.completed());
                        }
                        await().until(() -> attempts.size() == 2);
                        await().until(() -> queue.stats().completed() == 1);
                    } finally {
                        consumer.close();
                    }
                }
            }
        }
    }
}
