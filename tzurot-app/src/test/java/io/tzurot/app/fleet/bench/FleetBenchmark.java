package io.tzurot.app.fleet.bench;

import io.tzurot.app.fleet.QueuedReplyService;
import io.tzurot.app.process.TzurotProcess;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.messaging.Messaging;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark (not a test): reply throughput of ONE worker process (the packaged jar) on PostgreSQL + Redis against
 * the fake model server. {@code slow}: the model answers after 2 s and all requests are in flight at once;
 * {@code instant}: the model answers at once and 50 senders each wait for their reply before sending the next.
 * Prints replies/s, the worker's CPU-ms per reply (from /proc) and its peak resident memory (VmHWM).
 */
public final class FleetBenchmark {

    private FleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "slow";
        int replies = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String pg = System.getenv().getOrDefault("TZUROT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/tzurot_test");
        String redis = System.getenv().getOrDefault("TZUROT_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        DatabaseSettings server = DatabaseSettings.fromUrl(pg);
        String name = "tz_fleet_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String prefix = "tzbench" + UUID.randomUUID().toString().substring(0, 8);
        execute(server, "CREATE DATABASE " + name);
        String url = server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        Path dir = Files.createTempDirectory("fleet-bench");
        Duration delay = mode.equals("slow") ? Duration.ofSeconds(2) : Duration.ZERO;
        try (FakeModelServer model = FakeModelServer.start();
             Database database = Database.open(DatabaseSettings.fromUrl(url));
             Messaging messaging = Messaging.redis(redis, prefix)) {
            model.respondWith(r -> FakeReply.text("a short reply").after(delay));
            Repositories repos = Repositories.of(database, Clock.systemUTC());
            User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false), false);
            repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "Ada is a librarian.", "patient")
                    .withPublic(true));
            repos.users().getOrCreate(new DiscordUserProfile("100000000000000001", "alice", null, null, false), false);
            Map<String, String> env = Map.of("TZUROT_DATABASE_URL", url, "TZUROT_REDIS_URL", redis, "TZUROT_REDIS_PREFIX",
                    prefix, "TZUROT_DATA_DIR", dir.toString(), "TZUROT_LLM_BASE_URL", model.baseUrl(), "TZUROT_LLM_API_KEY",
                    "sk-bench", "TZUROT_ENCRYPTION_KEY", "ab".repeat(32), "TZUROT_WORKER_SLOTS",
                    mode.equals("slow") ? "1024" : "64");
            try (TzurotProcess worker = TzurotProcess.start(env, "start", "--roles", "worker");
                 QueuedReplyService client = new QueuedReplyService(messaging, "bench", Duration.ofMinutes(10))) {
                worker.awaitLine("Started in", Duration.ofMinutes(2));
                run(client, "warm", 50, 50);
                long cpuBefore = cpuMillis(worker.pid());
                long started = System.nanoTime();
                int failed = mode.equals("slow") ? run(client, "slow", replies, replies) : run(client, "inst", replies, 50);
                double seconds = (System.nanoTime() - started) / 1e9;
                long cpu = cpuMillis(worker.pid()) - cpuBefore;
                System.out.printf("mode=%s replies=%d failed=%d elapsed=%.1f s throughput=%.1f replies/s"
                                + " worker-cpu=%.1f ms/reply worker-peak-rss=%s%n", mode, replies, failed, seconds,
                        replies / seconds, (double) cpu / replies, peakRss(worker.pid()));
            }
        } finally {
            execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            try (Messaging messaging = Messaging.redis(redis, prefix)) {
                messaging.redisConnection().ifPresent(r -> {
                    List<String> keys = r.commands().keys(prefix + ":*");
                    if (!keys.isEmpty()) {
                        r.commands().del(keys.toArray(String[]::new));
                    }
                });
            }
        }
    }

    /** Sends {@code total} requests with at most {@code concurrency} waiting at once; returns how many failed. */
    private static int run(QueuedReplyService client, String tag, int total, int concurrency) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        if (concurrency >= total) {
            List<CompletableFuture<ReplyOutcome>> all = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                all.add(client.reply(request(tag, i)));
            }
            all.forEach(f -> failed.addAndGet(f.join() instanceof ReplyOutcome.Replied ? 0 : 1));
            return (int) failed.get();
        }
        for (int s = 0; s < concurrency; s++) {
            Thread t = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    failed.addAndGet(client.reply(request(tag, i)).join() instanceof ReplyOutcome.Replied ? 0 : 1);
                }
            });
            t.start();
            senders.add(t);
        }
        for (Thread t : senders) {
            t.join();
        }
        return (int) failed.get();
    }

    private static ReplyRequest request(String tag, int i) {
        return ReplyRequest.text(tag + "-" + i + "-" + UUID.randomUUID(), Platform.DISCORD,
                new Speaker("100000000000000001", "alice", null), "ada", String.format("%s%016d", tag.charAt(0) == 'w' ? "1" : "2", i % 100),
                "benchmark message " + i, Instant.now());
    }

    private static long cpuMillis(long pid) throws Exception {
        String[] f = Files.readString(Path.of("/proc", String.valueOf(pid), "stat")).split("\\) ")[1].split(" ");
        // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux)
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    private static String peakRss(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(l -> l.startsWith("VmHWM")).map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("?");
    }

    private static void execute(DatabaseSettings server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            c.createStatement().execute(sql);
        }
    }
}
