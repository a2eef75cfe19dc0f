package io.tzurot.messaging.bench;

import io.tzurot.core.limits.CurrentRateLimits;
import io.tzurot.core.limits.MessageClaims;
import io.tzurot.core.limits.RateLimiting;
import io.tzurot.core.limits.RateLimits;
import io.tzurot.core.limits.RateLimitsRepository;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.messaging.keys.InProcessKeyStore;
import io.tzurot.messaging.keys.RedisKeyStore;
import io.tzurot.messaging.redis.RedisMessaging;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark (not a test): what the rate limiter adds to the reply path. With it on, each incoming message costs
 * one claim (SET NX) and one token take (one Lua script on Redis) before the reply starts; with it off, nothing.
 * So the added latency is the time of those two calls, measured per message (p50/p99), and the added CPU is the
 * calling thread's CPU time per message. Users are spread so the common case (allowed) is measured.
 * Run with {@code bench/limits.sh}; Redis from TZUROT_BENCH_REDIS_URL (default redis://127.0.0.1:6379).
 */
public final class GuardsBenchmark {

    private static final int WARMUP = 5_000;
    private static final int MESSAGES = 20_000;
    private static final int USERS = 2_000;
    private static final int THREADS = 4;

    private GuardsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String redisUrl = System.getenv().getOrDefault("TZUROT_BENCH_REDIS_URL", "redis://127.0.0.1:6379");
        System.out.printf(Locale.ROOT, "cores=%d java=%s load=%.2f%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        bench("off (no guards)", null);
        try (InProcessKeyStore keys = new InProcessKeyStore()) {
            bench("in-process", keys);
        }
        RedisMessaging redis = RedisMessaging.connect(redisUrl, "tzurot-bench-" + UUID.randomUUID());
        try {
            bench("redis", new RedisKeyStore(redis));
        } finally {
            for (String key : redis.commands().keys(redis.prefix() + "*")) {
                redis.commands().unlink(key);
            }
            redis.close();
        }
        System.out.printf(Locale.ROOT, "load after=%.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void bench(String name, EphemeralKeyStore keys) throws Exception {
        Guard guard = keys == null ? (message, user) -> { } : guard(keys);
        String run = UUID.randomUUID().toString().substring(0, 8);
        measure(guard, run + "w", WARMUP, 1);
        Result one = measure(guard, run + "a", MESSAGES, 1);
        Result many = measure(guard, run + "b", MESSAGES, THREADS);
        System.out.printf(Locale.ROOT, "%-16s 1 thread: p50=%.3f ms p99=%.3f ms cpu=%.4f ms/msg | %d threads: p50=%.3f ms"
                        + " p99=%.3f ms cpu=%.4f ms/msg%n", name, one.p50(), one.p99(), one.cpuMs(), THREADS, many.p50(),
                many.p99(), many.cpuMs());
    }

    /** Exactly what MessageHandler does per message when guards are on. */
    private static Guard guard(EphemeralKeyStore keys) {
        RateLimitsRepository generous = new RateLimitsRepository() {
            @Override
            public RateLimits get() {
                return new RateLimits(1000, 6000, 1000, 6000, 50);
            }

            @Override
            public void set(RateLimits limits, UUID updatedBy) {
                throw new UnsupportedOperationException("fixed limits");
            }
        };
        MessageClaims claims = new MessageClaims(keys);
        RateLimiting limits = new RateLimiting(keys, new CurrentRateLimits(generous, Clock.systemUTC()));
        return (message, user) -> {
            if (!claims.claim("discord", message)) {
                throw new IllegalStateException("message " + message + " claimed twice");
            }
            if (!(limits.take(RateLimiting.Kind.REPLY, user) instanceof RateLimiting.Decision.Allowed)) {
                throw new IllegalStateException("user " + user + " limited; the benchmark measures the allowed path");
            }
        };
    }

    private interface Guard {
        void check(String messageId, String userId);
    }

    private record Result(double p50, double p99, double cpuMs) {
    }

    private static Result measure(Guard guard, String run, int messages, int threads) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[messages];
        AtomicLong cpu = new AtomicLong();
        int per = messages / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t * per;
                done.add(pool.submit(() -> {
                    long cpuStart = mx.getCurrentThreadCpuTime();
                    for (int i = from; i < from + per; i++) {
                        long start = System.nanoTime();
                        guard.check(run + ":" + i, "user-" + run + "-" + (i % USERS));
                        nanos[i] = System.nanoTime() - start;
                    }
                    cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long[] measured = Arrays.copyOf(nanos, per * threads);
        Arrays.sort(measured);
        return new Result(measured[measured.length / 2] / 1e6, measured[(int) (measured.length * 0.99)] / 1e6,
                cpu.get() / 1e6 / measured.length);
    }
}
