package io.tzurot.messaging.bench;

import io.tzurot.core.messaging.ConsumerOptions;
import io.tzurot.core.messaging.JobConsumer;
import io.tzurot.core.messaging.JobOutcome;
import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.JobRequest;
import io.tzurot.core.messaging.QueueSettings;
import io.tzurot.messaging.jobs.InProcessJobQueue;
import io.tzurot.messaging.jobs.RedisJobQueue;
import io.tzurot.messaging.redis.RedisMessaging;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Queue benchmark (not a test): submit→handler latency one job at a time (p50/p99); saturated throughput
 * with several submitters and a worker of 16 slots; and latency at a paced 5,000 jobs/s.
 * Run with {@code tzurot-messaging/bench/queue-bench.sh}; Redis from TZUROT_BENCH_REDIS_URL (default
 * redis://127.0.0.1:6379), keys under a random prefix removed afterwards.
 */
public final class QueueBenchmark {

    private static final int WARMUP = 2_000;
    private static final int LATENCY_JOBS = 5_000;
    private static final int THROUGHPUT_JOBS = 20_000;
    private static final int SUBMITTERS = 4;
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    private static final int PACED_RATE = 5_000;

    private QueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String redisUrl = System.getenv().getOrDefault("TZUROT_BENCH_REDIS_URL", "redis://127.0.0.1:6379");
        System.out.printf(Locale.ROOT, "cores=%d java=%s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        bench("in-process", () -> new InProcessJobQueue(settings()));
        RedisMessaging redis = RedisMessaging.connect(redisUrl, "tzurot-bench-" + UUID.randomUUID());
        try {
            bench("redis", () -> new RedisJobQueue(redis, settings()));
        } finally {
            for (String key : redis.commands().keys(redis.prefix() + "*")) {
                redis.commands().unlink(key);
            }
            redis.close();
        }
    }

    private static QueueSettings settings() {
        return QueueSettings.named("bench-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static void bench(String name, Supplier<JobQueue> queues) throws Exception {
        try (JobQueue queue = queues.get()) {
            long[] latency = sequentialLatency(queue, WARMUP);
            latency = sequentialLatency(queue, LATENCY_JOBS);
            System.out.printf(Locale.ROOT, "%-10s one-at-a-time submit->handler: p50 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)%n",
                    name, ms(percentile(latency, 50)), ms(percentile(latency, 99)), ms(latency[latency.length - 1]), latency.length);
        }
        throughput(name, queues, THROUGHPUT_JOBS / 4, 0, false);
        throughput(name, queues, THROUGHPUT_JOBS, 0, true);
        throughput(name, queues, PACED_RATE * 4, PACED_RATE, true);
    }

    private static long[] sequentialLatency(JobQueue queue, int jobs) throws Exception {
        BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(1);
        JobConsumer consumer = queue.consume(new ConsumerOptions("latency-" + jobs, 4), job -> {
            arrivals.put(System.nanoTime());
            return java.util.concurrent.CompletableFuture.completedFuture(JobOutcome.completed());
        });
        long[] latency = new long[jobs];
        String run = UUID.randomUUID().toString();
        try {
            for (int i = 0; i < jobs; i++) {
                long start = System.nanoTime();
                queue.submit(new JobRequest(run + "-" + i, "bench", "{}"));
                Long arrived = arrivals.poll(10, TimeUnit.SECONDS);
                if (arrived == null) {
                    throw new IllegalStateException("job " + i + " never arrived");
                }
                latency[i] = arrived - start;
            }
        } finally {
            consumer.stop(Duration.ofSeconds(10));
        }
        Arrays.sort(latency);
        return latency;
    }

    /**
     * Submits {@code jobs} from {@link #SUBMITTERS} threads, as fast as possible ({@code rate} 0) or paced to
     * {@code rate} jobs/s in total. Latency runs from the scheduled submit time, so a stalled submitter
     * counts against it (no coordinated omission).
     */
    private static void throughput(String name, Supplier<JobQueue> queues, int jobs, int rate, boolean report) throws Exception {
        try (JobQueue queue = queues.get()) {
            long[] latency = new long[jobs];
            AtomicInteger seen = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(jobs);
            JobConsumer consumer = queue.consume(new ConsumerOptions("throughput", CONCURRENCY), job -> {
                latency[seen.getAndIncrement()] = System.nanoTime() - Long.parseLong(job.payload());
                done.countDown();
                return java.util.concurrent.CompletableFuture.completedFuture(JobOutcome.completed());
            });
            long start = System.nanoTime();
            long interval = rate == 0 ? 0 : 1_000_000_000L / rate;
            Thread[] submitters = new Thread[SUBMITTERS];
            for (int s = 0; s < SUBMITTERS; s++) {
                int first = s;
                submitters[s] = new Thread(() -> {
                    for (int i = first; i < jobs; i += SUBMITTERS) {
                        long scheduled = start + i * interval;
                        long wait = scheduled - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long stamp = rate == 0 ? System.nanoTime() : scheduled;
                        queue.submit(new JobRequest("job-" + i, "bench", Long.toString(stamp)));
                    }
                });
                submitters[s].start();
            }
            for (Thread submitter : submitters) {
                submitter.join();
            }
            if (!done.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + seen.get() + " of " + jobs + " jobs arrived");
            }
            while (queue.stats().completed() < jobs) {
                Thread.onSpinWait(); // a benchmark's end condition, not production code
            }
            long elapsed = System.nanoTime() - start;
            consumer.stop(Duration.ofSeconds(10));
            Arrays.sort(latency);
            if (report) {
                System.out.printf(Locale.ROOT,
                        "%-10s %s: %,d jobs in %.2f s = %,.0f jobs/s (%d submitters, concurrency %d); "
                                + "submit->handler p50 %.3f ms, p99 %.3f ms%n",
                        name, rate == 0 ? "saturated" : "paced at " + rate + "/s", jobs, elapsed / 1e9,
                        jobs / (elapsed / 1e9), SUBMITTERS, CONCURRENCY, ms(percentile(latency, 50)), ms(percentile(latency, 99)));
            }
        }
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
