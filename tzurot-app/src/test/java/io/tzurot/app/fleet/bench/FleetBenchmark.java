package io.tzurot.app.fleet.bench;

import io.tzurot.app.bench.ThreadCpu;
import io.tzurot.app.fleet.QueuedReplyService;
import io.tzurot.app.process.TzurotProcess;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.memory.NewMemory;
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
import io.tzurot.testkit.model.VariedReplies;
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
 * Prints replies/s, latency p50/p99, the worker's CPU-ms per reply (from /proc), its peak heap in use (sampled with
 * jstat every 200 ms), peak threads and peak resident memory (VmHWM), and a final {@code RESULT} line as JSON.
 * The worker runs with {@code -Xmx512m}; {@code BENCH_JFR=<prefix>} records a JFR profile of it to
 * {@code <prefix>-<mode>.jfr}. The worker is stopped with SIGTERM at the end, as in production.
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
            VariedReplies texts = new VariedReplies();
            model.respondWith(r -> FakeReply.text(texts.next()).after(delay));
            Repositories repos = Repositories.of(database, Clock.systemUTC());
            User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false), false);
            UUID ada = repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "Ada is a librarian.", "patient")
                    .withPublic(true)).id();
            User alice = repos.users().getOrCreate(new DiscordUserProfile("100000000000000001", "alice", null, null, false),
                    false);
            seedOldMemories(repos, alice, ada);
            Map<String, String> env = Map.of("TZUROT_DATABASE_URL", url, "TZUROT_REDIS_URL", redis, "TZUROT_REDIS_PREFIX",
                    prefix, "TZUROT_DATA_DIR", dir.toString(), "TZUROT_LLM_BASE_URL", model.baseUrl(), "TZUROT_LLM_API_KEY",
                    "sk-bench", "TZUROT_ENCRYPTION_KEY", "ab".repeat(32), "TZUROT_WORKER_SLOTS",
                    mode.equals("slow") ? "1024" : "64");
            List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
            String jfr = System.getenv("BENCH_JFR");
            if (jfr != null && !jfr.isBlank()) {
                jvm.add("-XX:StartFlightRecording=filename=" + jfr + "-" + mode + ".jfr,settings=profile,dumponexit=true");
            }
            try (TzurotProcess worker = TzurotProcess.start(jvm, env, "start", "--roles", "worker");
                 QueuedReplyService client = new QueuedReplyService(messaging, "bench", Duration.ofMinutes(10))) {
                worker.awaitLine("Started in", Duration.ofMinutes(2));
                run(client, "warm", 200, mode.equals("slow") ? 200 : 50, new long[200]);
                Sampler sampler = Sampler.start(worker.pid());
                long cpuBefore = ThreadCpu.processMillis(worker.pid());
                long machineBefore = machineBusyMillis();
                long[] latency = new long[replies];
                long started = System.nanoTime();
                int failed = mode.equals("slow") ? run(client, "slow", replies, replies, latency)
                        : run(client, "inst", replies, 50, latency);
                double seconds = (System.nanoTime() - started) / 1e9;
                // the replies' memories are embedded after they are delivered: count that work too
                long cpu = settledCpuMillis(worker.pid()) - cpuBefore;
                long machine = machineBusyMillis() - machineBefore;
                sampler.stop();
                java.util.Arrays.sort(latency);
                double rate = replies / seconds;
                double cpuPerReply = (double) cpu / replies;
                int cores = Runtime.getRuntime().availableProcessors();
                double cpuBound = cores * 1000.0 / cpuPerReply;
                double goal = mode.equals("slow") ? 0.9 * Math.min(500, cpuBound) : 75;
                // everything here shares the 2 cores: the worker, PostgreSQL, Redis, this client and the fake model
                double machinePerReply = (double) machine / replies;
                double machineBound = cores * 1000.0 / machinePerReply;
                String load = Files.readString(Path.of("/proc/loadavg")).trim();
                System.out.printf("mode=%s replies=%d failed=%d elapsed=%.1f s throughput=%.1f replies/s p50=%d ms p99=%d ms"
                                + " worker-cpu=%.1f ms/reply (cpu bound on %d cores: %.0f replies/s) goal>=%.1f"
                                + " machine-cpu=%.1f ms/reply (all processes; bound %.0f replies/s)"
                                + " peak-heap-used=%d MB peak-threads=%d peak-rss=%s load=[%s]%n", mode, replies, failed,
                        seconds, rate, latency[replies / 2] / 1_000_000, latency[(int) (replies * 0.99)] / 1_000_000,
                        cpuPerReply, cores, cpuBound, goal, machinePerReply, machineBound, sampler.peakHeapMb(),
                        sampler.peakThreads(),
                        peakRss(worker.pid()), load);
                System.out.printf("RESULT {\"mode\":\"%s\",\"replies\":%d,\"failed\":%d,\"repliesPerSecond\":%.1f,"
                                + "\"p50Ms\":%d,\"p99Ms\":%d,\"cpuMsPerReply\":%.1f,\"goalRepliesPerSecond\":%.1f,"
                                + "\"machineCpuMsPerReply\":%.1f,"
                                + "\"peakHeapMb\":%d,\"peakThreads\":%d,\"loadavg\":\"%s\"}%n", mode, replies, failed, rate,
                        latency[replies / 2] / 1_000_000, latency[(int) (replies * 0.99)] / 1_000_000, cpuPerReply, goal,
                        machinePerReply,
                        sampler.peakHeapMb(), sampler.peakThreads(), load);
                int exit = worker.stop(Duration.ofSeconds(60));
                System.out.printf("worker stopped by SIGTERM: exit %d%n", exit);
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

    /**
     * A month-old acquaintance: 1,000 memories older than any history window, so every reply's memory search has
     * candidates and embeds its query. Without them a new relationship's first turns skip that embedding (nothing
     * could match), which would flatter the figure.
     */
    private static void seedOldMemories(Repositories repos, User user, UUID personalityId) {
        UUID persona = repos.personas().listByOwner(user.id()).get(0).id();
        java.util.Random random = new java.util.Random(7);
        Instant old = Instant.now().minus(Duration.ofDays(30));
        for (int i = 0; i < 1000; i++) {
            float[] v = new float[NewMemory.DIMENSIONS];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) random.nextGaussian();
            }
            repos.memories().insert(NewMemory.live(persona, personalityId, "{user}: an old thing " + i
                    + "\n{assistant}: I remember, " + i, v, null, "300000000000000001", null, old.plusSeconds(i)));
        }
    }

    /** Sends {@code total} requests with at most {@code concurrency} waiting at once; returns how many failed. */
    private static int run(QueuedReplyService client, String tag, int total, int concurrency, long[] latency)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        if (concurrency >= total) {
            List<CompletableFuture<ReplyOutcome>> all = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                long sent = System.nanoTime();
                int n = i;
                all.add(client.reply(request(tag, i)).whenComplete((o, e) -> latency[n] = System.nanoTime() - sent));
            }
            all.forEach(f -> failed.addAndGet(f.join() instanceof ReplyOutcome.Replied ? 0 : 1));
            return (int) failed.get();
        }
        for (int s = 0; s < concurrency; s++) {
            Thread t = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long sent = System.nanoTime();
                    failed.addAndGet(client.reply(request(tag, i)).join() instanceof ReplyOutcome.Replied ? 0 : 1);
                    latency[i] = System.nanoTime() - sent;
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

    /** The worker's CPU once it has gone quiet (its background memory writes done), waiting at most 60 s. */
    private static long settledCpuMillis(long pid) throws Exception {
        long last = ThreadCpu.processMillis(pid);
        for (int i = 0; i < 120; i++) {
            Thread.sleep(500);
            long now = ThreadCpu.processMillis(pid);
            if (now - last < 30) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** Busy CPU time of the whole machine (user, nice, system, irq, softirq, steal) from /proc/stat. */
    private static long machineBusyMillis() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long ticks = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        return ticks * 10;
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

    /** Samples the worker's heap in use (jstat) and thread count (/proc) every 200 ms. */
    private static final class Sampler {
        private final Process jstat;
        private final Thread reader;
        private final Thread threads;
        private volatile double peakHeapKb;
        private volatile int peakThreads;
        private volatile boolean running = true;

        private Sampler(long pid) throws Exception {
            jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc",
                    String.valueOf(pid), "200").redirectErrorStream(true).start();
            reader = new Thread(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream()))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        String[] f = line.trim().split("\\s+");
                        if (f.length > 8 && !f[0].startsWith("S0C")) {
                            // S0U, S1U, EU and OU: survivors, eden and old generation in use, KB
                            double used = Double.parseDouble(f[2]) + Double.parseDouble(f[3]) + Double.parseDouble(f[5])
                                    + Double.parseDouble(f[7]);
                            peakHeapKb = Math.max(peakHeapKb, used);
                        }
                    }
                } catch (Exception ignored) {
                    // jstat ended with the worker
                }
            });
            threads = new Thread(() -> {
                while (running) {
                    try {
                        Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                                .filter(l -> l.startsWith("Threads:")).findFirst()
                                .ifPresent(l -> peakThreads = Math.max(peakThreads, Integer.parseInt(l.substring(8).trim())));
                        Thread.sleep(200);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            reader.start();
            threads.start();
        }

        static Sampler start(long pid) throws Exception {
            return new Sampler(pid);
        }

        void stop() throws InterruptedException {
            running = false;
            Thread.sleep(300);
            jstat.destroy();
            threads.join();
        }

        long peakHeapMb() {
            return Math.round(peakHeapKb / 1024);
        }

        int peakThreads() {
            return peakThreads;
        }
    }
}
