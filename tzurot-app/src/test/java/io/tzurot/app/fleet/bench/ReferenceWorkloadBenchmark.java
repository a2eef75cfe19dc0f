package io.tzurot.app.fleet.bench;

import io.tzurot.app.process.TzurotProcess;
import io.tzurot.messaging.Messaging;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Benchmark (not a test): the reference system's own workload (issue 16), against an {@code api} and a
 * {@code worker} process started with the {@code ./tzurot} launcher on PostgreSQL + Redis, the fake model a process
 * of its own answering at once. Every message is 14 random English words, unique; every reply goes to a new web
 * channel (no history); each user's persona holds 300 earlier exchanges with the character (about 20 recalled per
 * reply); one model call per reply. Parts: (a) 200 replies one at a time, (b) 50 users × 20 replies at once,
 * (c) one user with 50 senders. Prints each part's latency, throughput and CPU per reply for each process, start-up
 * to ready per role (median of 5, alone), idle and peak RSS, then one {@code RESULT} line: {@code throughput} and
 * {@code cpu_ms_per_reply} (api + worker + model + PostgreSQL + Redis) of (b), {@code p50_ms} and {@code p99_ms} of
 * (a), and the rest as further {@code key=value} pairs.
 */
public final class ReferenceWorkloadBenchmark {

    private static final int USERS = 50;
    private static final int ONE_USER_SENDERS = 50;
    private static int perUser = 20;
    private static int sequentialReplies = 200;
    private static int oneUserEach = 10;
    private static int starts = 5;
    /** Warm-up replies per sender, and how many senders: 10 × 10 by default; {@code long}: a whole (b) first. */
    private static int warmSenders = 10;
    private static int warmEach = 10;
    /** Whether the client asks to follow each reply's text ({@code streamed}): it only long-polls, so by default not. */
    private static boolean followText;

    private ReferenceWorkloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean paced = options.contains("paced");
        followText = options.contains("streamed");
        if (options.contains("long")) { // steady state: the JIT has compiled the hot paths before anything is measured
            warmSenders = USERS;
            warmEach = 20;
        }
        if (options.contains("quick")) { // a check that the benchmark runs, not a measurement
            perUser = 2;
            sequentialReplies = 20;
            oneUserEach = 1;
            starts = 1;
        }
        String pg = System.getenv().getOrDefault("TZUROT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/tzurot_test");
        String redis = System.getenv().getOrDefault("TZUROT_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        DatabaseSettings server = DatabaseSettings.fromUrl(pg);
        String name = "tz_refload_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String prefix = "tzrefload" + UUID.randomUUID().toString().substring(0, 8);
        execute(server, "CREATE DATABASE " + name);
        String url = server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        Path dir = Files.createTempDirectory("refload");
        System.out.println("uptime: " + Files.readString(Path.of("/proc/loadavg")).trim() + " cores: "
                + Runtime.getRuntime().availableProcessors() + (paced ? " (model paced: 400 ms to answer)" : "")
                + (followText ? " (the client follows each reply's text: streamed)" : ""));
        Process model = startModel(paced);
        try (Database database = Database.open(DatabaseSettings.fromUrl(url))) {
            WorkloadMessages messages = new WorkloadMessages(2026);
            WorkloadSeed seed = WorkloadSeed.write(database, USERS, messages);
            Map<String, String> env = new HashMap<>(Map.of("TZUROT_DATABASE_URL", url, "TZUROT_REDIS_URL", redis,
                    "TZUROT_REDIS_PREFIX", prefix, "TZUROT_DATA_DIR", dir.toString(), "TZUROT_HTTP_PORT", "0",
                    "TZUROT_LLM_BASE_URL", modelUrl(model), "TZUROT_LLM_API_KEY", "sk-bench",
                    "TZUROT_ENCRYPTION_KEY", "ab".repeat(32), "TZUROT_CDS", "1"));
            String opts = System.getenv("BENCH_JAVA_OPTS");
            if (opts != null && !opts.isBlank()) {
                env.put("TZUROT_JAVA_OPTS", opts);
            }
            System.out.printf(Locale.ROOT, "waited %.1f s for a quiet machine after seeding%n",
                    ProcessCpu.awaitQuietMachine(Duration.ofSeconds(60)).toMillis() / 1000.0);
            Map<String, Double> startup = new HashMap<>();
            for (String role : List.of("api", "worker")) {
                startup.put(role, medianStartSeconds(env, role));
            }
            if (System.getenv("BENCH_LOG_STATEMENTS") != null) {
                // a scratch run counting statements per reply: the server's log then holds every statement of the run
                execute(server, "ALTER DATABASE " + name + " SET log_statement = 'all'");
                System.out.println("logging every statement of database " + name);
            }
            run(env, seed, messages, model.pid(), startup, database);
        } finally {
            model.getOutputStream().close();
            model.destroy();
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

    private static void run(Map<String, String> env, WorkloadSeed seed, WorkloadMessages messages, long modelPid,
                            Map<String, Double> startup, Database database) throws Exception {
        int metricsPort = freePort();
        Map<String, String> workerEnv = new HashMap<>(env);
        workerEnv.put("TZUROT_METRICS_PORT", String.valueOf(metricsPort)); // its embeddings' CPU, read from /metrics
        try (TzurotProcess api = TzurotProcess.startWithLauncher(env, "start", "--roles", "api");
             TzurotProcess worker = TzurotProcess.startWithLauncher(workerEnv, "start", "--roles", "worker")) {
            int port = api.awaitHttpPort(Duration.ofMinutes(2));
            worker.awaitLine("Started in", Duration.ofMinutes(2));
            Thread.sleep(10_000); // at rest: past the launcher's first trim of the C heap (every 5 s)
            long apiIdle = ProcessCpu.statusMiB(api.pid(), "VmRSS");
            long workerIdle = ProcessCpu.statusMiB(worker.pid(), "VmRSS");
            WorkloadClient client = new WorkloadClient("http://127.0.0.1:" + port, 64, followText);
            List<WorkloadSeed.Sender> senders = seed.senders();
            ProcessCpu cpu = new ProcessCpu().part("api", api.pid()).part("worker", worker.pid()).part("model", modelPid)
                    .share(ProcessCpu.EMBEDDINGS, () -> embeddingCpuMillis(metricsPort));
            // warm-up: the JIT, the pools and the ONNX session, not measured
            WorkloadPhase.run("warm-up", WorkloadPhase.plans(seed, messages, senders.subList(0, warmSenders), warmEach), client,
                    cpu,
                    worker.pid());
            List<WorkloadPhase.Plan> one = WorkloadPhase.plans(seed, messages, senders.subList(0, 1), sequentialReplies);
            java.time.Instant sequentialStart = java.time.Instant.now();
            WorkloadPhase.Figures sequential = WorkloadPhase.run("(a) " + sequentialReplies + " sequential", one, client, cpu,
                    worker.pid());
            System.out.println(sequential.describe());
            System.out.println(WorkloadStages.describe(database, sequentialStart));
            String recalled = recalledMemories(client, senders.get(0));
            WorkloadPhase.Figures users = WorkloadPhase.run("(b) " + USERS + " users x " + perUser + " replies",
                    WorkloadPhase.plans(seed, messages, senders, perUser), client, cpu, worker.pid());
            System.out.println(users.describe());
            WorkloadPhase.Figures oneUser = WorkloadPhase.run("(c) one user, " + ONE_USER_SENDERS + " senders x "
                    + oneUserEach, WorkloadPhase.plans(seed, messages,
                    Collections.nCopies(ONE_USER_SENDERS, senders.get(1)), oneUserEach), client, cpu, worker.pid());
            System.out.println(oneUser.describe());
            long apiPeak = ProcessCpu.statusMiB(api.pid(), "VmHWM");
            long workerPeak = ProcessCpu.statusMiB(worker.pid(), "VmHWM");
            System.out.printf(Locale.ROOT, "memories recalled per reply (sample of the last sequential reply): %s%n",
                    recalled);
            System.out.printf(Locale.ROOT, "start-up to ready (median of %d, each role alone): api %.2f s, worker %.2f s%n",
                    starts, startup.get("api"), startup.get("worker"));
            System.out.printf(Locale.ROOT, "RSS: idle api %d MiB, worker %d MiB; peak api %d MiB, worker %d MiB%n",
                    apiIdle, workerIdle, apiPeak, workerPeak);
            System.out.println("uptime: " + Files.readString(Path.of("/proc/loadavg")).trim());
            int apiExit = api.stop(Duration.ofSeconds(60));
            int workerExit = worker.stop(Duration.ofSeconds(60));
            System.out.printf("stopped by SIGTERM: api exit %d, worker exit %d%n", apiExit, workerExit);
            Map<String, Double> b = users.cpuPerReply();
            System.out.printf(Locale.ROOT, "RESULT throughput=%.1f p50_ms=%.1f p99_ms=%.1f cpu_ms_per_reply=%.1f"
                            + " p90_ms=%.1f users_p50_ms=%.1f users_p99_ms=%.1f api_cpu_ms=%.1f worker_cpu_ms=%.1f"
                            + " worker_without_embeddings_cpu_ms=%.1f postgresql_cpu_ms=%.1f redis_cpu_ms=%.1f model_cpu_ms=%.1f machine_cpu_ms=%.1f"
                            + " seq_cpu_ms_per_reply=%.1f one_user_throughput=%.1f one_user_p50_ms=%.1f"
                            + " one_user_p99_ms=%.1f one_user_429=%d failed=%d start_api_s=%.2f start_worker_s=%.2f"
                            + " idle_rss_api_mib=%d idle_rss_worker_mib=%d peak_rss_api_mib=%d peak_rss_worker_mib=%d%n",
                    users.throughput(), sequential.p(0.5), sequential.p(0.99), users.systemCpu(), sequential.p(0.9),
                    users.p(0.5), users.p(0.99), b.get("api"), b.get("worker"), users.workerWithoutEmbeddings(), b.get("postgresql"), b.get("redis"),
                    b.get("model"), b.get("machine"), sequential.systemCpu(), oneUser.throughput(), oneUser.p(0.5),
                    oneUser.p(0.99), oneUser.tooManyRequests(), sequential.failed() + users.failed() + oneUser.failed(),
                    startup.get("api"), startup.get("worker"), apiIdle, workerIdle, apiPeak, workerPeak);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The worker's {@code tzurot_embedding_cpu_seconds_total} from its management port, in milliseconds. */
    private static long embeddingCpuMillis(int port) {
        try {
            java.net.http.HttpResponse<String> r = METRICS.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                if (line.startsWith("tzurot_embedding_cpu_seconds_total")) {
                    return Math.round(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) * 1000);
                }
            }
            throw new IllegalStateException("the worker's metrics have no tzurot_embedding_cpu_seconds_total");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final java.net.http.HttpClient METRICS = java.net.http.HttpClient.newHttpClient();

    /** How many memories the last reply of {@code sender} recalled, from its diagnostic record. */
    private static String recalledMemories(WorkloadClient client, WorkloadSeed.Sender sender) throws Exception {
        return client.lastReplyId().map(id -> {
            try {
                return String.valueOf(client.diagnostics(sender.token(), id).path("data").path("memories").size());
            } catch (Exception e) {
                return "unknown (" + e.getMessage() + ")";
            }
        }).orElse("unknown");
    }

    /**
     * Start-up to ready of one role started alone: from spawning {@code ./tzurot start --roles ROLE} to its
     * "Started in" line, median of {@code starts} (5) after one unmeasured start (which records the class-data archive).
     */
    private static double medianStartSeconds(Map<String, String> env, String role) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i <= starts; i++) {
            long started = System.nanoTime();
            try (TzurotProcess p = TzurotProcess.startWithLauncher(env, "start", "--roles", role)) {
                while (!p.output().contains("Started in")) {
                    if (System.nanoTime() - started > Duration.ofMinutes(2).toNanos()) {
                        throw new IllegalStateException(role + " did not start:\n" + p.output());
                    }
                    Thread.sleep(5);
                }
                double s = (System.nanoTime() - started) / 1e9;
                if (i > 0) {
                    seconds.add(s);
                }
                p.stop(Duration.ofSeconds(60));
            }
        }
        Collections.sort(seconds);
        System.out.printf(Locale.ROOT, "start-up %s: %s s%n", role, seconds);
        return seconds.get(seconds.size() / 2);
    }

    private static Process startModel(boolean paced) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), FakeModelMain.class.getName()));
        if (paced) {
            command.add("paced");
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String modelUrl(Process model) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(model.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("MODEL ")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe from filling
                        }
                    } catch (Exception ignored) {
                        // the model process ended
                    }
                }, "model-output");
                drain.setDaemon(true);
                drain.start();
                return line.substring(6).trim();
            }
        }
        throw new IllegalStateException("the fake model process ended before printing its address");
    }

    private static void execute(DatabaseSettings server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            c.createStatement().execute(sql);
        }
    }
}
