package io.tzurot.app.bench;

import io.tzurot.ai.token.TiktokenCounter;
import io.tzurot.core.facts.ExtractingFacts;
import io.tzurot.core.facts.FactChange;
import io.tzurot.core.facts.MemoryFact;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.core.model.ChatModel;
import io.tzurot.core.model.FinishReason;
import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.facts.JdbiFactRepository;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.user.JdbiUserRepository;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark (not a test): the CPU a reply's memory facts cost, the model call excluded. Per exchange, on the
 * embedded H2 file database (the embedded profile's): the
 * extraction's read of the known facts (30 in scope), its structured request (a 14-word message, a 60-word reply),
 * an instant in-process model answering one of ADD / REPLACE / NONE in turn, the parse and the one-transaction
 * write; and the reply side's recall (the facts in scope and the tokens of each fact line, the real tokenizer).
 * Measured on one thread: thread CPU time per exchange (p50, p99, mean) and wall time, then one RESULT line.
 * Usage: {@code bench/facts.sh [exchanges, default 2000] [warm-up, default 1000]}.
 */
public final class FactExtractionBenchmark {

    private static final String[] WORDS = ("the a my and to in is was she it they said garden harbor cat dog sister"
            + " river market train work music coffee tea book morning night rain garden piano city").split(" ");

    private FactExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String dialect = "h2";
        int exchanges = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path dir = Files.createTempDirectory("facts-bench");
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(settings)) {
            JdbiUserRepository users = new JdbiUserRepository(db.jdbi(), clock);
            UUID user = users.getOrCreate(new DiscordUserProfile(Long.toString(400_000_000_000_000_000L
                    + new Random().nextInt(1_000_000)), "bench", null, null, false), false).id();
            UUID persona = new JdbiPersonaRepository(db.jdbi(), clock).create(user,
                    new PersonaDraft("Ari", null, "", null, null, false)).id();
            UUID personality = new JdbiPersonalityRepository(db.jdbi(), clock).create(user, PersonalityDraft.of("Ada",
                    "ada-" + UUID.randomUUID().toString().substring(0, 8), "A librarian.", "kind")).id();
            JdbiFactRepository facts = new JdbiFactRepository(db.jdbi());
            List<FactChange> seed = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                seed.add(new FactChange.Add("has a friend called Friend" + i + " who likes the " + WORDS[i % WORDS.length], 0.8));
            }
            facts.apply(persona, personality, seed, "exchange:seed", clock.instant());

            AtomicReference<String> answer = new AtomicReference<>("NONE");
            ChatModel instant = (request, key, base) -> CompletableFuture.completedFuture(new ModelResponse(answer.get(),
                    Optional.empty(), FinishReason.STOP, Optional.empty(), request.model(), Duration.ZERO, 1));
            ExtractingFacts extracting = new ExtractingFacts(facts, instant, Optional::empty, Runnable::run, clock);
            TiktokenCounter tokens = new TiktokenCounter();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Random random = new Random(7);
            long[] cpu = new long[exchanges];
            long[] wall = new long[exchanges];
            int changed = 0;
            for (int i = 0; i < warmUp + exchanges; i++) {
                answer.set(switch (i % 3) {
                    case 0 -> "ADD 0.8 | has a cousin called Cousin" + i;
                    case 1 -> "REPLACE " + (1 + random.nextInt(30)) + " 0.85 | has a friend called Renamed" + i;
                    default -> "NONE";
                });
                ExtractingFacts.Exchange exchange = new ExtractingFacts.Exchange("req-" + i, persona, personality,
                        PersonalityScope.only(personality), "Ari", "Ada", sentence(random, 14),
                        sentence(random, 60), "sk-bench", Optional.empty(), "bench/model");
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                // the reply side: the facts in scope and each line's tokens (what the prompt's section costs)
                for (MemoryFact f : facts.inScope(persona, PersonalityScope.only(personality), 30)) {
                    tokens.count("<fact>" + f.content() + "</fact>\n");
                }
                changed += extracting.extract(exchange).join().changed();
                long w1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                if (i >= warmUp) {
                    cpu[i - warmUp] = c1 - c0;
                    wall[i - warmUp] = w1 - w0;
                }
                if (i % 3 == 0 && facts.inScope(persona, PersonalityScope.only(personality), 1000).size() > 60) {
                    // keep the store near its size in use: drop the newest cousins
                    facts.inScope(persona, PersonalityScope.only(personality), 1000).stream()
                            .filter(f -> f.content().startsWith("has a cousin")).limit(20)
                            .forEach(f -> facts.delete(f.id()));
                }
            }
            Arrays.sort(cpu);
            Arrays.sort(wall);
            double cpuMean = Arrays.stream(cpu).average().orElse(0) / 1e6;
            System.out.printf("facts per exchange (%s, %d exchanges after %d warm-up, %d rows changed):%n", dialect,
                    exchanges, warmUp, changed);
            System.out.printf("  CPU  p50 %.3f ms  p99 %.3f ms  mean %.3f ms%n", ms(cpu, 0.5), ms(cpu, 0.99), cpuMean);
            System.out.printf("  wall p50 %.3f ms  p99 %.3f ms  max %.3f ms%n", ms(wall, 0.5), ms(wall, 0.99),
                    wall[wall.length - 1] / 1e6);
            System.out.printf("RESULT facts dialect=%s cpu_p50_ms=%.3f cpu_p99_ms=%.3f cpu_mean_ms=%.3f wall_p50_ms=%.3f"
                    + " wall_p99_ms=%.3f%n", dialect, ms(cpu, 0.5), ms(cpu, 0.99), cpuMean, ms(wall, 0.5), ms(wall, 0.99));
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
