package io.tzurot.app.bench;

import io.tzurot.ai.embedding.BgeSmallEmbeddingModel;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.model.ChatModel;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.model.FinishReason;
import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.summaries.SummarizingMemories;
import io.tzurot.core.summaries.SummaryPolicy;
import io.tzurot.core.summaries.SummaryTarget;
import io.tzurot.core.summaries.SummaryWindow;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.memory.JdbiMemoryRepository;
import io.tzurot.storage.memory.JdbiSummaryRepository;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.user.JdbiUserRepository;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Benchmark (not a test): the CPU one long-term-memory summary costs, the model call excluded. Per summary, on the
 * embedded H2 file database: the sweep's grouped read of old memories, the read of one week's ten originals (about
 * 80 words each), the escaped request, an instant in-process model's 60-word answer read, the summary's embedding
 * (BGE-small, in-process: most of the cost) and the one-transaction claim and insert. Setting up each week's
 * originals is not measured. Thread CPU per summary (p50, p99, mean), wall time, the embedding's share, then one
 * RESULT line. Usage: {@code bench/summaries.sh [summaries, default 300] [warm-up, default 100]}.
 */
public final class SummaryBenchmark {

    private static final String[] WORDS = ("the a my and to in is was she it they said garden harbor cat dog sister"
            + " river market train work music coffee tea book morning night rain lantern piano city").split(" ");

    private SummaryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int summaries = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path dir = Files.createTempDirectory("summary-bench");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            JdbiUserRepository users = new JdbiUserRepository(db.jdbi(), clock);
            UUID user = users.getOrCreate(new DiscordUserProfile(Long.toString(400_000_000_000_000_000L
                    + new Random().nextInt(1_000_000)), "bench", null, null, false), false).id();
            UUID persona = new JdbiPersonaRepository(db.jdbi(), clock).create(user,
                    new PersonaDraft("Ari", null, "", null, null, false)).id();
            UUID personality = new JdbiPersonalityRepository(db.jdbi(), clock).create(user, PersonalityDraft.of("Ada",
                    "ada-" + UUID.randomUUID().toString().substring(0, 8), "A librarian.", "kind")).id();
            JdbiMemoryRepository memories = new JdbiMemoryRepository(db);
            Random random = new Random(7);
            String answer = sentence(random, 60);
            ChatModel instant = (request, key, base) -> CompletableFuture.completedFuture(new ModelResponse(answer,
                    Optional.empty(), FinishReason.STOP, Optional.empty(), request.model(), Duration.ZERO, 1));
            BgeSmallEmbeddingModel bge = new BgeSmallEmbeddingModel();
            long[] embedNanos = {0};
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            EmbeddingModel timed = text -> {
                long t0 = threads.getCurrentThreadCpuTime();
                float[] v = bge.embed(text);
                embedNanos[0] += threads.getCurrentThreadCpuTime() - t0;
                return v;
            };
            SummaryPolicy policy = new SummaryPolicy(Duration.ofDays(30), 10, 40, 24_000, 1);
            SummarizingMemories summarizing = new SummarizingMemories(new JdbiSummaryRepository(db), instant, timed,
                    (owner, p) -> Optional.of(new SummaryTarget.Call("bench/model", "sk-bench", Optional.empty())),
                    (owner, p) -> false, policy, Duration.ofSeconds(10));
            Instant now = Instant.parse("2030-01-01T00:00:00Z");
            long firstWeek = SummaryWindow.of(Instant.parse("2020-01-06T00:00:00Z"));
            long[] cpu = new long[summaries];
            long[] wall = new long[summaries];
            long embedTotal = 0;
            int made = 0;
            for (int i = 0; i < warmUp + summaries; i++) {
                Instant monday = SummaryWindow.start(firstWeek + i);
                for (int m = 0; m < 10; m++) {
                    float[] v = new float[NewMemory.DIMENSIONS];
                    v[random.nextInt(NewMemory.DIMENSIONS)] = 1f; // the originals' vectors play no part here
                    memories.insert(NewMemory.live(persona, personality, "{user}: " + sentence(random, 30)
                            + "\n{assistant}: " + sentence(random, 50), v, null, "100000000000000001",
                            "900000000000000001", monday.plus(Duration.ofHours(12L * m))));
                }
                embedNanos[0] = 0;
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                made += summarizing.sweep(now).summaries();
                long w1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                if (i >= warmUp) {
                    cpu[i - warmUp] = c1 - c0;
                    wall[i - warmUp] = w1 - w0;
                    embedTotal += embedNanos[0];
                }
            }
            Arrays.sort(cpu);
            Arrays.sort(wall);
            double cpuMean = Arrays.stream(cpu).average().orElse(0) / 1e6;
            double embedMean = embedTotal / 1e6 / summaries;
            System.out.printf("one summary of 10 memories (h2, %d summaries after %d warm-up, %d made):%n", summaries,
                    warmUp, made);
            System.out.printf("  CPU  p50 %.3f ms  p99 %.3f ms  mean %.3f ms (embedding %.3f ms of it)%n", ms(cpu, 0.5),
                    ms(cpu, 0.99), cpuMean, embedMean);
            System.out.printf("  wall p50 %.3f ms  p99 %.3f ms  max %.3f ms%n", ms(wall, 0.5), ms(wall, 0.99),
                    wall[wall.length - 1] / 1e6);
            System.out.printf("RESULT summaries dialect=h2 cpu_p50_ms=%.3f cpu_p99_ms=%.3f cpu_mean_ms=%.3f"
                    + " embed_mean_ms=%.3f wall_p50_ms=%.3f wall_p99_ms=%.3f%n", ms(cpu, 0.5), ms(cpu, 0.99), cpuMean,
                    embedMean, ms(wall, 0.5), ms(wall, 0.99));
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String sentence(Random random, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.append('.').toString();
    }
}
