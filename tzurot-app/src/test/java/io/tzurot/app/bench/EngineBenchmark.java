package io.tzurot.app.bench;

import com.sun.management.OperatingSystemMXBean;
import io.tzurot.ai.embedding.BgeSmallEmbeddingModel;
import io.tzurot.ai.token.TiktokenCounter;
import io.tzurot.app.wiring.ModelComponents;
import io.tzurot.app.wiring.ReplyEngine;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.memory.NewMemory;
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
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.TestDatabases;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Benchmark (not a test): engine overhead per reply, everything but the model call, with 10,000 memories in
 * scope. The model answers at once; embeddings are the real in-process BGE model. Prints p50/p99 latency, the
 * embedding share, and process CPU-milliseconds per reply (memory storage in the background included).
 *
 * <p>Run: {@code bench/engine.sh [h2|postgresql] [replies]}.
 */
public final class EngineBenchmark {

    private static final int MEMORIES = 10_000;
    private static final String[] MESSAGES = {
        "Do you remember what I told you about my cat?", "Let's plan the hiking trip in the Alps.",
        "What book should I read next, something like last time?", "I finally fixed the bug in my compiler!",
        "Tell me again about the harbour at night.", "How was your day in the library?"};

    public static void main(String[] args) throws Exception {
        Dialect dialect = args.length > 0 && args[0].startsWith("p") ? Dialect.POSTGRESQL : Dialect.H2;
        int replies = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        EmbeddingModel embeddings = new BgeSmallEmbeddingModel();
        try (TestDatabases.TestDatabase db = TestDatabases.open(dialect)) {
            Repositories repos = Repositories.of(db.database(), Clock.systemUTC());
            User user = repos.users().getOrCreate(new DiscordUserProfile("100000000000000009", "bench", null, null, false), false);
            Personality ada = repos.personalities().create(user.id(),
                    PersonalityDraft.of("Ada", "ada", "Ada is a thoughtful librarian.", "patient, precise").withPublic(true));
            Persona persona = repos.personas().listByOwner(user.id()).get(0);
            seed(repos, embeddings, persona, ada);
            ModelComponents models = new ModelComponents((request, key, base) -> CompletableFuture.completedFuture(
                    new ModelResponse("That reminds me of the evening we spent talking about maps and old harbours.",
                            Optional.empty(), FinishReason.STOP, Optional.of(new TokenUsage(1000, 20)), request.model(),
                            Duration.ofMillis(1), 1)),
                    embeddings, new TiktokenCounter(), (r, k, b) -> CompletableFuture.completedFuture("an image"),
                    (a, m, l, k, b) -> CompletableFuture.completedFuture("words"),
                    a -> CompletableFuture.completedFuture(new byte[0]));
            ReplyEngine engine = new ReplyEngine(repos, models, new byte[32], new ReplyEngine.Settings(
                    new ProviderAccess("http://127.0.0.1:9/v1", Optional.of("bench")), "bench/model", Optional.empty(),
                    MediaSettings.DEFAULTS), Clock.systemUTC());
            run(engine, embeddings, 100, false);
            run(engine, embeddings, replies, true);
            engine.close();
        }
    }

    private static void run(ReplyEngine engine, EmbeddingModel embeddings, int n, boolean report) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] latency = new long[n];
        long[] embed = new long[n];
        long cpuStart = os.getProcessCpuTime();
        for (int i = 0; i < n; i++) {
            String text = MESSAGES[i % MESSAGES.length] + " (" + i + ")";
            ReplyRequest request = ReplyRequest.text("bench:" + report + ":" + i, Platform.CLI,
                    new Speaker("100000000000000009", "bench", null), "ada", "333333333333333333", text, Instant.now());
            long t0 = System.nanoTime();
            ReplyOutcome outcome = engine.service().reply(request).join();
            latency[i] = System.nanoTime() - t0;
            if (!(outcome instanceof ReplyOutcome.Replied replied) || replied.memories().isEmpty()) {
                throw new IllegalStateException("expected a reply with recalled memories, got " + outcome);
            }
            long e0 = System.nanoTime();
            embeddings.embed(text);
            embed[i] = System.nanoTime() - e0;
        }
        engine.resumePendingMemories();
        long cpu = os.getProcessCpuTime() - cpuStart;
        if (report) {
            Arrays.sort(latency);
            Arrays.sort(embed);
            System.out.printf("replies=%d  engine latency p50=%.1f ms p99=%.1f ms  | query embedding p50=%.1f ms p99=%.1f ms"
                            + "  | CPU per reply (process, incl. the benchmark's extra embedding) = %.1f ms%n", n,
                    ms(latency, 0.50), ms(latency, 0.99), ms(embed, 0.50), ms(embed, 0.99),
                    cpu / 1e6 / n);
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
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
