package io.tzurot.messaging.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.messaging.ConsumerOptions;
import io.tzurot.core.messaging.DeadLetter;
import io.tzurot.core.messaging.Job;
import io.tzurot.core.messaging.JobConsumer;
import io.tzurot.core.messaging.JobHandler;
import io.tzurot.core.messaging.JobOutcome;
import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.QueueStats;
import io.tzurot.core.messaging.RetryPolicy;
import io.tzurot.core.messaging.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link JobQueue} must show; run against each implementation (with the asynchronous-handler
 * contract it inherits).
 */
abstract class JobQueueContract extends AsyncHandlingContract {

    @Test
    void theSameIdempotencyKeySubmittedTwiceYieldsOneJob() {
        JobQueue queue = queue();
        assertThat(queue.submit(job("a"))).isEqualTo(new Submission("a", true));
        assertThat(queue.submit(job("a"))).isEqualTo(new Submission("a", false));
        assertThat(queue.stats().pending()).isEqualTo(1);

        List<Job> seen = new CopyOnWriteArrayList<>();
        consume(queue, "w1", 2, j -> { seen.add(j); return JobOutcome.completed(); });
        await().until(() -> queue.stats().completed() == 1);
        assertThat(queue.submit(job("a")).created()).as("a finished job is still remembered").isFalse();
        assertThat(seen).extracting(Job::id, Job::type, Job::payload, Job::attempt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "test", "{\"n\":\"a\"}", 1));
    }

    @Test
    void concurrentSubmissionsOfOneKeyCreateExactlyOneJob() throws Exception {
        JobQueue queue = queue();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Submission>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> queue.submit(job("same"))));
            }
            int created = 0;
            for (Future<Submission> result : results) {
                created += result.get().created() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
            assertThat(queue.stats().pending()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyJobIsHandledOnceAcrossWorkersWithBoundedConcurrency() {
        JobQueue queue = queue();
        Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        JobHandler.Blocking handler = j -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            handled.computeIfAbsent(j.id(), k -> new AtomicInteger()).incrementAndGet();
            running.decrementAndGet();
            return JobOutcome.completed();
        };
        consume(queue, "w1", 2, handler);
        consume(queue, "w2", 2, handler);
        for (int i = 0; i < 200; i++) {
            queue.submit(job("job-" + i));
        }
        await().until(() -> queue.stats().completed() == 200);
        assertThat(handled).hasSize(200);
        assertThat(handled.values()).allMatch(count -> count.get() == 1);
        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(4);
        assertThat(queue.stats()).isEqualTo(new QueueStats(0, 0, 200, 0, 0));
    }

    @Test
    void aWorkerRunsAtMostItsConcurrencyAtOnce() throws InterruptedException {
        JobQueue queue = queue();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        JobConsumer consumer = consume(queue, "w1", 3, j -> {
            running.incrementAndGet();
            release.await();
            return JobOutcome.completed();
        });
        for (int i = 0; i < 10; i++) {
            queue.submit(job("job-" + i));
        }
        await().until(() -> running.get() == 3);
        assertThat(consumer.inFlight()).isEqualTo(3);
        assertThat(queue.stats().inFlight()).isEqualTo(3);
        assertThat(queue.stats().pending()).isEqualTo(7);
        assertThat(running.get()).isEqualTo(3);
        release.countDown();
        await().until(() -> queue.stats().completed() == 10);
    }

    @Test
    void aFailingJobIsRetriedWithGrowingBackoffUntilItSucceeds() {
        JobQueue queue = queue(new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1)), Duration.ofSeconds(30));
        List<Long> startedAt = new CopyOnWriteArrayList<>();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        consume(queue, "w1", 1, j -> {
            startedAt.add(System.nanoTime());
            attempts.add(j.attempt());
            if (j.attempt() < 3) {
                throw new IllegalStateException("provider said 503");
            }
            return JobOutcome.completed();
        });
        queue.submit(job("flaky"));
        await().until(() -> queue.stats().completed() == 1);
        assertThat(attempts).containsExactly(1, 2, 3);
        // Lower bounds only: backoff must be waited out (100 ms, then 200 ms).
        assertThat(startedAt.get(1) - startedAt.get(0)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(startedAt.get(2) - startedAt.get(1)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(queue.stats()).isEqualTo(new QueueStats(0, 0, 1, 2, 0));
    }

    @Test
    void aJobThatAlwaysFailsEndsInTheDeadLettersAfterItsAttempts() {
        JobQueue queue = queue();
        AtomicInteger calls = new AtomicInteger();
        consume(queue, "w1", 1, j -> {
            calls.incrementAndGet();
            return JobOutcome.retry("model unavailable");
        });
        queue.submit(job("doomed"));
        await().until(() -> queue.stats().deadLetters() == 1);
        assertThat(calls.get()).isEqualTo(3);
        List<DeadLetter> dead = queue.deadLetters(10);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).jobId()).isEqualTo("doomed");
        assertThat(dead.get(0).type()).isEqualTo("test");
        assertThat(dead.get(0).payload()).isEqualTo("{\"n\":\"doomed\"}");
        assertThat(dead.get(0).attempts()).isEqualTo(3);
        assertThat(dead.get(0).lastError()).isEqualTo("model unavailable");
        assertThat(dead.get(0).failedAt()).isNotNull();
        assertThat(queue.stats()).isEqualTo(new QueueStats(0, 0, 0, 3, 1));
    }

    @Test
    void aRejectedJobIsDeadLetteredAtOnceAndAThrownExceptionIsRetried() {
        JobQueue queue = queue();
        AtomicInteger calls = new AtomicInteger();
        consume(queue, "w1", 1, j -> {
            calls.incrementAndGet();
            if (j.id().equals("bad-key")) {
                return JobOutcome.reject("API key rejected");
            }
            throw new IllegalArgumentException("boom");
        });
        queue.submit(job("bad-key"));
        queue.submit(job("throws"));
        await().until(() -> queue.stats().deadLetters() == 2);
        assertThat(calls.get()).isEqualTo(1 + 3);
        assertThat(queue.deadLetters(10)).extracting(DeadLetter::jobId, DeadLetter::attempts, DeadLetter::lastError)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("bad-key", 1, "API key rejected"),
                        org.assertj.core.groups.Tuple.tuple("throws", 3, "IllegalArgumentException: boom"));
    }

    @Test
    void aDeadLetterCanBeRetriedWithFreshAttempts() {
        JobQueue queue = queue();
        Set<String> healthy = ConcurrentHashMap.newKeySet();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        consume(queue, "w1", 1, j -> {
            attempts.add(j.attempt());
            return healthy.contains(j.id()) ? JobOutcome.completed() : JobOutcome.reject("not yet");
        });
        queue.submit(job("later"));
        await().until(() -> queue.stats().deadLetters() == 1);
        assertThat(queue.retryDeadLetter("nope")).isFalse();

        healthy.add("later");
        assertThat(queue.retryDeadLetter("later")).isTrue();
        await().until(() -> queue.stats().completed() == 1);
        assertThat(attempts).containsExactly(1, 1);
        assertThat(queue.deadLetters(10)).isEmpty();
        assertThat(queue.retryDeadLetter("later")).isFalse();
    }

    @Test
    void aJobWhoseWorkerDiedIsRecoveredAfterTheVisibilityTimeoutAndMarkedAsRedelivered() throws InterruptedException {
        JobQueue queue = queue(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1)), Duration.ofMillis(300));
        queue.submit(job("orphan"));
        QueueBackend backend = backendOf(queue);
        backend.attach("ghost");
        List<Delivery> taken = backend.fetch("ghost", 1, Duration.ofSeconds(5));
        assertThat(taken).hasSize(1);
        assertThat(queue.stats().inFlight()).isEqualTo(1);
        // The ghost never acknowledges, renews or releases: it crashed.

        List<Job> seen = new CopyOnWriteArrayList<>();
        consume(queue, "w1", 1, j -> { seen.add(j); return JobOutcome.completed(); });
        await().until(() -> queue.stats().completed() == 1);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).attempt()).isEqualTo(2);
        assertThat(seen.get(0).isRedelivery()).isTrue();

        backend.fail(taken.get(0), "late outcome of the dead worker", true);
        backend.detach("ghost");
        assertThat(queue.stats()).as("a late outcome of the silent worker counts for nothing")
                .isEqualTo(new QueueStats(0, 0, 1, 0, 0));
    }

    @Test
    void aJobWhoseWorkerDiesOnTheLastAttemptIsDeadLettered() throws InterruptedException {
        JobQueue queue = queue(new RetryPolicy(1, Duration.ofMillis(50), Duration.ofSeconds(1)), Duration.ofMillis(300));
        queue.submit(job("poison"));
        QueueBackend backend = backendOf(queue);
        backend.attach("ghost");
        assertThat(backend.fetch("ghost", 1, Duration.ofSeconds(5))).hasSize(1);
        AtomicInteger calls = new AtomicInteger();
        consume(queue, "w1", 1, j -> { calls.incrementAndGet(); return JobOutcome.completed(); });
        await().until(() -> queue.stats().deadLetters() == 1);
        backend.detach("ghost");
        assertThat(calls.get()).isZero();
        assertThat(queue.deadLetters(1).get(0).attempts()).isEqualTo(1);
    }

    @Test
    void aLiveWorkerKeepsItsJobBeyondTheVisibilityTimeout() throws InterruptedException {
        JobQueue queue = queue(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1)), Duration.ofMillis(300));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        JobHandler.Blocking slow = j -> {
            calls.incrementAndGet();
            release.await();
            return JobOutcome.completed();
        };
        consume(queue, "w1", 1, slow);
        consume(queue, "w2", 1, slow);
        queue.submit(job("long"));
        await().until(() -> calls.get() == 1);
        Thread.sleep(1500); // five visibility timeouts: renewals must keep the job with its worker
        release.countDown();
        await().until(() -> queue.stats().completed() == 1);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void stoppingReleasesUnfinishedJobsWithoutCountingTheAttempt() throws InterruptedException {
        JobQueue queue = queue();
        CountDownLatch never = new CountDownLatch(1);
        JobConsumer stuck = consume(queue, "w1", 1, j -> {
            never.await();
            return JobOutcome.completed();
        });
        queue.submit(job("held"));
        await().until(() -> stuck.inFlight() == 1);
        assertThat(stuck.stop(Duration.ofMillis(100))).isFalse();
        assertThat(queue.stats()).isEqualTo(new QueueStats(1, 0, 0, 0, 0));

        List<Integer> attempts = new CopyOnWriteArrayList<>();
        consume(queue, "w2", 1, j -> { attempts.add(j.attempt()); return JobOutcome.completed(); });
        await().until(() -> queue.stats().completed() == 1);
        assertThat(attempts).containsExactly(1);
    }

    @Test
    void stoppingWaitsForRunningJobsToFinish() throws InterruptedException {
        JobQueue queue = queue();
        CountDownLatch started = new CountDownLatch(1);
        JobConsumer consumer = consume(queue, "w1", 1, j -> {
            started.countDown();
            Thread.sleep(200);
            return JobOutcome.completed();
        });
        queue.submit(job("short"));
        started.await();
        assertThat(consumer.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(queue.stats().completed()).isEqualTo(1);
        queue.submit(job("after-stop"));
        assertThat(queue.stats().pending()).as("a stopped worker takes no more jobs").isEqualTo(1);
    }

    @Test
    void statsCountWaitingAndDelayedJobsAsPending() {
        JobQueue queue = queue(new RetryPolicy(3, Duration.ofHours(1), Duration.ofHours(1)), Duration.ofSeconds(30));
        queue.submit(job("a"));
        queue.submit(job("b"));
        assertThat(queue.stats()).isEqualTo(new QueueStats(2, 0, 0, 0, 0));
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        consume(queue, "w1", 1, j -> {
            if (j.id().equals("a")) {
                return JobOutcome.retry("later");
            }
            done.add(j.id());
            return JobOutcome.completed();
        });
        await().until(() -> queue.stats().completed() == 1 && queue.stats().failed() == 1);
        assertThat(queue.stats()).isEqualTo(new QueueStats(1, 0, 1, 1, 0));
    }

    @Test
    void twoLiveWorkersMayNotShareAName() {
        JobQueue queue = queue();
        consume(queue, "same", 1, j -> JobOutcome.completed());
        assertThatThrownBy(() -> queue.consume(new ConsumerOptions("same", 1),
                j -> CompletableFuture.completedFuture(JobOutcome.completed())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("same");
    }

    @Test
    void argumentsAreValidated() {
        JobQueue queue = queue();
        assertThatThrownBy(() -> queue.deadLetters(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.retryDeadLetter(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.consume(new ConsumerOptions("w", 1), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
