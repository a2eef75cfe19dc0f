package io.tzurot.app.bench;

import static io.tzurot.app.bench.Percentiles.ms;

import com.sun.management.OperatingSystemMXBean;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.ai.embedding.BgeSmallEmbeddingModel;
import io.tzurot.ai.token.TiktokenCounter;
import io.tzurot.app.wiring.ModelComponents;
import io.tzurot.app.wiring.ReplyEngine;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.messaging.events.InProcessEventBus;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.model.FinishReason;
import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.model.TokenUsage;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.MediaSettings;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ProviderAccess;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.TestDatabases;
import io.tzurot.testkit.model.VariedReplies;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Benchmark (not a test): engine overhead per reply, everything but the model call, with 10,000 memories in
 * scope. The model answers at once; embeddings are the real in-process BGE model. Prints p50/p99 latency, the
 * query embedding's share of it, and process CPU-milliseconds per reply including the background work each reply
 * causes (the stored memory's embedding and insert, the flight record), split into the three embeddings (timed
 * on the embedding thread, which runs ONNX single-threaded) and the rest.
 *
 * <p>Run: {@code bench/engine.sh [h2|postgresql] [replies] [warm-up replies] [usage on|off]}. With the usage log
 * on (the default, as the app runs), each reply's usage row is written on the background writer; its insert is
 * timed there (thread CPU and wall), and the off run gives the latency and CPU without it.
 */
public final class EngineBenchmark {

    private static final int MEMORIES = 10_000;

    /**
     * Times every embedding: the memory search's query, the reply's (the semantic duplicate check, on the reply's
     * threads) and the stored memory's (in the background).
     */
    private static final class TimedEmbeddings implements EmbeddingModel {
        private final EmbeddingModel delegate;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final List<Long> queryWall = Collections.synchronizedList(new ArrayList<>());
        private final LongAdder queryCpu = new LongAdder();
        private final LongAdder storeCpu = new LongAdder();
        /** The semantic duplicate check's embedding of the reply, on the reply's critical path. */
        private final LongAdder replyCpu = new LongAdder();
        /** Whether the caller is the memory search (its query), found on the stack: cheap next to an embedding. */
        private static final java.util.function.Supplier<Boolean> RECALLING_FROM_STACK = () -> StackWalker.getInstance()
                .walk(frames -> frames.anyMatch(f -> f.getClassName().endsWith("RecallingMemories")));
        private volatile boolean timing;

        TimedEmbeddings(EmbeddingModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public float[] embed(String text) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            float[] v = delegate.embed(text);
            long wall = System.nanoTime() - t0;
            long cpu = threads.getCurrentThreadCpuTime() - c0;
            if (timing) {
                if (RECALLING_FROM_STACK.get()) {
                    queryWall.add(wall);
                    queryCpu.add(cpu);
                } else if (Thread.currentThread().getName().startsWith("reply-cpu")) {
                    replyCpu.add(cpu);
                } else {
                    storeCpu.add(cpu);
                }
            }
            return v;
        }

        void reset() {
            queryWall.clear();
            queryCpu.reset();
            storeCpu.reset();
            replyCpu.reset();
            timing = true;
        }

        long[] queryWall() {
            long[] out = queryWall.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(out);
            return out;
        }

        long queryCpuNanos() {
            return queryCpu.sum();
        }

        long replyCpuNanos() {
            return replyCpu.sum();
        }

        long storeCpuNanos() {
            return storeCpu.sum();
        }
    }
    private static final String[] MESSAGES = {
        "Do you remember what I told you about my cat?", "Let's plan the hiking trip in the Alps.",
        "What book should I read next, something like last time?", "I finally fixed the bug in my compiler!",
        "Tell me again about the harbour at night.", "How was your day in the library?"};

    /** The usage log, with each insert's thread CPU and wall time recorded (it runs on the background writer). */
    private static final class TimedUsage implements io.tzurot.core.usage.UsageLogRepository {
        private final io.tzurot.core.usage.UsageLogRepository delegate;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final List<Long> wall = Collections.synchronizedList(new ArrayList<>());
        private final LongAdder cpu = new LongAdder();

        TimedUsage(io.tzurot.core.usage.UsageLogRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean record(io.tzurot.core.usage.UsageLog log) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            try {
                return delegate.record(log);
            } finally {
                wall.add(System.nanoTime() - t0);
                cpu.add(threads.getCurrentThreadCpuTime() - c0);
            }
        }

        @Override
        public io.tzurot.core.usage.UsageTotals totals(java.util.UUID userId, Instant from, Instant to) {
            return delegate.totals(userId, from, to);
        }

        @Override
        public List<io.tzurot.core.usage.UsageTotals> byModel(java.util.UUID userId, Instant from, Instant to) {
            return delegate.byModel(userId, from, to);
        }

        @Override
        public io.tzurot.core.usage.UsageSummary summary(Instant from, Instant to, int limit) {
            return delegate.summary(from, to, limit);
        }

        @Override
        public int deleteOlderThan(Instant cutoff) {
            return delegate.deleteOlderThan(cutoff);
        }

        void reset() {
            wall.clear();
            cpu.reset();
        }

        String report(int n) {
            long[] w = wall.stream().mapToLong(Long::longValue).sorted().toArray();
            return w.length == 0 ? "none written" : String.format("%d inserts, CPU %.3f ms per reply, insert wall"
                    + " p50=%.3f ms p99=%.3f ms (background writer)", w.length, cpu.sum() / 1e6 / n, ms(w, 0.50),
                    ms(w, 0.99));
        }
    }

    private static TimedUsage timedUsage;
    private static StatementCounter statements;

    public static void main(String[] args) throws Exception {
        Dialect dialect = args.length > 0 && args[0].startsWith("p") ? Dialect.POSTGRESQL : Dialect.H2;
        int replies = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        // the JIT keeps compiling H2, JDBI and the engine for a few hundred replies; measure the steady state after it
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        TimedEmbeddings embeddings = new TimedEmbeddings(new BgeSmallEmbeddingModel());
        try (TestDatabases.TestDatabase db = TestDatabases.open(dialect)) {
            statements = new StatementCounter();
            db.database().jdbi().setSqlLogger(statements);
            // cached like every process wires them (Launcher), with the in-process bus of the embedded profile
            Repositories repos = Repositories.of(db.database(), Clock.systemUTC()).cached(new InProcessEventBus());
            User user = repos.users().getOrCreate(new DiscordUserProfile("100000000000000009", "bench", null, null, false), false);
            Personality ada = repos.personalities().create(user.id(),
                    PersonalityDraft.of("Ada", "ada", "Ada is a thoughtful librarian.", "patient, precise").withPublic(true));
            Persona persona = repos.personas().listByOwner(user.id()).get(0);
            seed(repos, embeddings, persona, ada);
            if (dialect == Dialect.POSTGRESQL) {
                // autovacuum would have analysed a table this size long ago; without statistics the planner takes
                // the 10,000 rows for one and never uses the vector index
                db.database().jdbi().useHandle(h -> h.execute("ANALYZE"));
            }
            // varied text like a real model: a fixed reply would send every turn through the duplicate retry
            VariedReplies texts = new VariedReplies();
            ModelComponents models = new ModelComponents((request, key, base) -> CompletableFuture.completedFuture(
                    new ModelResponse(texts.next(),
                            Optional.empty(), FinishReason.STOP, Optional.of(new TokenUsage(1000, 20)), request.model(),
                            Duration.ofMillis(1), 1)),
                    embeddings, new TiktokenCounter(), (r, k, b) -> CompletableFuture.completedFuture("an image"),
                    (a, m, l, k, b) -> CompletableFuture.completedFuture("words"),
                    a -> CompletableFuture.completedFuture(new byte[0]));
            boolean usage = args.length <= 3 || !args[3].equalsIgnoreCase("off");
            timedUsage = usage ? new TimedUsage(new io.tzurot.storage.usage.JdbiUsageLogRepository(db.database())) : null;
            ReplyEngine engine = new ReplyEngine(repos, models, new byte[32], new ReplyEngine.Settings(
                    new ProviderAccess("http://127.0.0.1:9/v1", Optional.of("bench")), "bench/model", Optional.empty(),
                    MediaSettings.DEFAULTS), Clock.systemUTC(), io.tzurot.core.reply.ReplyMetrics.NONE,
                    Optional.empty(), Optional.ofNullable(timedUsage));
            System.out.println("usage log: " + (usage ? "on" : "off"));
            run(engine, repos, db.database(), embeddings, warmup, false);
            statements.reset();
            run(engine, repos, db.database(), embeddings, replies, true);
            engine.close();
        }
    }

    private static void run(ReplyEngine engine, Repositories repos, Database database, TimedEmbeddings embeddings, int n,
                            boolean report)
            throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] latency = new long[n];
        embeddings.reset();
        if (timedUsage != null) {
            timedUsage.reset();
        }
        Map<String, Long> threadsBefore = ThreadCpu.byName();
        // on a local PostgreSQL the server's backends for this database do part of the work: count them too
        List<Integer> backends = database.dialect() == Dialect.POSTGRESQL ? backendPids(database) : List.of();
        long serverBefore = ThreadCpu.processesMillis(backends);
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        String last = null;
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String text = MESSAGES[i % MESSAGES.length] + " (" + i + ")";
            last = "bench:" + report + ":" + i;
            ids.add(last);
            ReplyRequest request = ReplyRequest.text(last, Platform.CLI,
                    new Speaker("100000000000000009", "bench", null), "ada", "333333333333333333", text, Instant.now());
            long t0 = System.nanoTime();
            ReplyOutcome outcome = engine.service().reply(request).join();
            latency[i] = System.nanoTime() - t0;
            if (!(outcome instanceof ReplyOutcome.Replied replied) || replied.memories().isEmpty()) {
                throw new IllegalStateException("expected a reply with recalled memories, got " + outcome);
            }
        }
        // the background work a reply causes (memory embedding + insert, flight record) is part of its cost: wait for it
        while (!repos.pendingMemories().retryable(3, 1).isEmpty()) {
            Thread.sleep(5);
        }
        engine.awaitRecorded(last);
        // before this benchmark's own reads of the flight records (its outbox polls above are the 0.01 a reply)
        String sql = statements.perReply(n);
        long cpu = os.getProcessCpuTime() - cpuStart;
        double wall = (System.nanoTime() - wallStart) / 1e9;
        if (report) {
            Arrays.sort(latency);
            long[] query = embeddings.queryWall();
            double queryCpu = embeddings.queryCpuNanos() / 1e6 / n;
            double replyCpu = embeddings.replyCpuNanos() / 1e6 / n;
            double storeCpu = embeddings.storeCpuNanos() / 1e6 / n;
            double embedCpu = queryCpu + replyCpu + storeCpu;
            double perReply = cpu / 1e6 / n;
            System.out.printf("replies=%d  engine latency p50=%.1f ms p99=%.1f ms  | of which query embedding p50=%.1f ms"
                            + " p99=%.1f ms%n", n, ms(latency, 0.50), ms(latency, 0.99), ms(query, 0.50), ms(query, 0.99));
            System.out.printf("process CPU per reply = %.1f ms: embeddings %.1f (memory-search query %.1f, reply for the"
                            + " semantic duplicate check %.1f, stored memory in the background %.1f), everything else %.1f"
                            + "  | %.0f replies/s one at a time%n", perReply, embedCpu, queryCpu, replyCpu, storeCpu,
                    perReply - embedCpu, n / wall);
            Map<String, Long> threadsAfter = ThreadCpu.byName();
            double jit = ThreadCpu.compilerMillis(threadsBefore, threadsAfter) / (double) n;
            System.out.println("process CPU per reply by thread group (Linux /proc): "
                    + ThreadCpu.perReply(threadsBefore, threadsAfter, n));
            if (!backends.isEmpty()) {
                System.out.printf("PostgreSQL server CPU per reply (this database's %d backends, from /proc) = %.1f ms%n",
                        backends.size(), (ThreadCpu.processesMillis(backends) - serverBefore) / (double) n);
            }
            System.out.printf("everything else without the JIT compilers (still compiling; zero in a long-running"
                    + " process) = %.1f ms%n", perReply - embedCpu - jit);
            System.out.println("usage log: " + (timedUsage == null ? "off" : timedUsage.report(n)));
            System.out.println("mean stage times from the flight records (whole ms, so each rounds down): "
                    + stageMeans(engine, ids));
            System.out.println("SQL statements per reply (JDBI, transactions' BEGIN/COMMIT not counted): " + sql);
            System.out.printf("RESULT p50_ms=%.1f p99_ms=%.1f embed_p50_ms=%.1f embed_p99_ms=%.1f cpu_ms=%.1f"
                            + " cpu_query_embed_ms=%.1f cpu_reply_embed_ms=%.1f cpu_store_embed_ms=%.1f cpu_rest_ms=%.1f"
                            + " cpu_jit_ms=%.1f%n", ms(latency, 0.50), ms(latency, 0.99), ms(query, 0.50), ms(query, 0.99),
                    perReply, queryCpu, replyCpu, storeCpu, perReply - embedCpu, jit);
        }
    }

    private static List<Integer> backendPids(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()").mapTo(Integer.class).list());
    }

    private static String stageMeans(ReplyEngine engine, List<String> ids) {
        ObjectMapper json = new ObjectMapper();
        Map<String, Double> sums = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            String record = engine.flightRecorder().findJson(id).orElseThrow();
            try {
                json.readTree(record).path("timingsMs").fields()
                        .forEachRemaining(e -> sums.merge(e.getKey(), e.getValue().asDouble(), Double::sum));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        StringBuilder out = new StringBuilder();
        sums.forEach((k, v) -> out.append(String.format("%s %.1f  ", k, v / ids.size())));
        return out.toString().strip();
    }

    /** 10,000 memories: most with random vectors, a few close to the benchmark's questions so recall finds them. */
    private static void seed(Repositories repos, EmbeddingModel embeddings, Persona persona, Personality ada) {
        Random random = new Random(42);
        Instant old = Instant.now().minus(Duration.ofDays(30));
        float[][] anchors = new float[MESSAGES.length][];
        for (int i = 0; i < MESSAGES.length; i++) {
            anchors[i] = embeddings.embed(MESSAGES[i]);
        }
        for (int i = 0; i < MEMORIES; i++) {
            float[] v = new float[384];
            boolean close = i % 500 == 0;
            float[] anchor = anchors[i % anchors.length];
            double norm = 0;
            for (int k = 0; k < v.length; k++) {
                v[k] = close ? anchor[k] + (float) (random.nextGaussian() * 0.01) : (float) random.nextGaussian();
                norm += v[k] * v[k];
            }
            for (int k = 0; k < v.length; k++) {
                v[k] /= (float) Math.sqrt(norm);
            }
            repos.memories().insert(NewMemory.live(persona.id(), ada.id(), "{user}: remembered thing number " + i
                    + "\n{assistant}: noted, " + i, v, null, "333333333333333333", null, old.plusSeconds(i)));
        }
    }
}
