package io.tzurot.messaging.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.messaging.JobConsumer;
import io.tzurot.core.messaging.JobOutcome;
import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.QueueStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How every {@link JobQueue} treats asynchronous handlers: a job waiting on I/O holds a slot, not a thread. */
abstract class AsyncHandlingContract extends JobQueueFixture {

    @Test
    void aThousandJobsWaitingOnIoAreHeldAtOnceWithoutAThreadEach() {
        JobQueue queue = queue();
        int jobs = 1000;
        Map<String, CompletableFuture<JobOutcome>> waiting = new ConcurrentHashMap<>();
        JobConsumer consumer = consumeAsync(queue, "w1", jobs, j -> {
            CompletableFuture<JobOutcome> answer = new CompletableFuture<>();
            waiting.put(j.id(), answer);
            return answer; // completes when the "model" answers, below
        });
        for (int i = 0; i < jobs; i++) {
            queue.submit(job("io-" + i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> consumer.inFlight() == jobs);
        assertThat(queue.stats().inFlight()).isEqualTo(jobs);
        long workerThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("tzurot-job-w1-")).count();
        assertThat(workerThreads).as("threads of the worker holding %d jobs", jobs)
                .isLessThanOrEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()));
        waiting.values().forEach(answer -> answer.complete(JobOutcome.completed()));
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.stats().completed() == jobs);
        assertThat(consumer.inFlight()).isZero();
    }

    @Test
    void aStageThatFailsLaterIsRetriedAndItsOutcomeRecordedWhenItCompletes() {
        JobQueue queue = queue();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            List<Integer> attempts = new CopyOnWriteArrayList<>();
            consumeAsync(queue, "w1", 4, j -> {
                attempts.add(j.attempt());
                CompletableFuture<JobOutcome> answer = new CompletableFuture<>();
                later.schedule(() -> {
                    if (j.attempt() == 1) {
                        answer.completeExceptionally(new IllegalStateException("connection reset"));
                    } else {
                        answer.complete(JobOutcome.completed());
                    }
                }, 100, TimeUnit.MILLISECONDS);
                return answer;
            });
            queue.submit(job("late"));
            await().until(() -> queue.stats().completed() == 1);
            assertThat(attempts).containsExactly(1, 2);
            assertThat(queue.stats()).isEqualTo(new QueueStats(0, 0, 1, 1, 0));

            JobQueue other = queue();
            consumeAsync(other, "w2", 1, j -> CompletableFuture.failedFuture(new IllegalStateException("always")));
            consumeAsync(other, "w3", 1, j -> null);
            other.submit(job("fails-async"));
            await().until(() -> other.stats().deadLetters() == 1);
            assertThat(other.deadLetters(1).get(0).lastError())
                    .isIn("IllegalStateException: always", "handler returned no stage");
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void stoppingReleasesJobsWhoseStageHasNotCompletedAndIgnoresTheirLateOutcome() throws InterruptedException {
        JobQueue queue = queue();
        List<CompletableFuture<JobOutcome>> stages = new CopyOnWriteArrayList<>();
        JobConsumer stuck = consumeAsync(queue, "w1", 8, j -> {
            CompletableFuture<JobOutcome> answer = new CompletableFuture<>();
            stages.add(answer);
            return answer;
        });
        queue.submit(job("held-1"));
        queue.submit(job("held-2"));
        await().until(() -> stuck.inFlight() == 2);
        assertThat(stuck.stop(Duration.ofMillis(100))).isFalse();
        assertThat(stuck.inFlight()).isZero();
        assertThat(stages).allMatch(CompletableFuture::isCancelled);
        assertThat(queue.stats()).isEqualTo(new QueueStats(2, 0, 0, 0, 0));

        List<Integer> attempts = new CopyOnWriteArrayList<>();
        consume(queue, "w2", 2, j -> { attempts.add(j.attempt()); return JobOutcome.completed(); });
        await().until(() -> queue.stats().completed() == 2);
        assertThat(attempts).containsExactly(1, 1);
    }

    @Test
    void stoppingWaitsForHeldStagesToComplete() throws InterruptedException {
        JobQueue queue = queue();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            JobConsumer consumer = consumeAsync(queue, "w1", 4, j -> {
                CompletableFuture<JobOutcome> answer = new CompletableFuture<>();
                later.schedule(() -> answer.complete(JobOutcome.completed()), 300, TimeUnit.MILLISECONDS);
                return answer;
            });
            queue.submit(job("a"));
            queue.submit(job("b"));
            await().until(() -> consumer.inFlight() == 2);
            assertThat(consumer.stop(Duration.ofSeconds(30))).isTrue();
            assertThat(queue.stats()).isEqualTo(new QueueStats(0, 0, 2, 0, 0));
        } finally {
            later.shutdownNow();
        }
    }
}
