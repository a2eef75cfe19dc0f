package io.tzurot.app.discord.bench;

import io.tzurot.app.discord.DiscordApp;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.channel.ChoosingSpeakers;
import io.tzurot.core.channel.SceneLimits;
import io.tzurot.core.channel.SpeakerStrategy;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.discord.bot.DiscordBot;
import io.tzurot.discord.bot.DiscordServices;
import io.tzurot.discord.bot.DiscordSettings;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.delivery.JdbiDeliveredMessageRepository;
import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Benchmark (not a test; {@code bench/scenes.sh}): one {@code discord} process on the embedded database, 100
 * channels each with 5 characters activated under the {@code list} strategy (every character answers every
 * message, one after another), an engine that answers at once. Sends a burst of messages round-robin over the
 * channels and reports replies per second (webhook posts) per round and their median. Arguments: messages per
 * round (default 400), rounds (default 3).
 */
public final class SceneBenchmark {

    static final int CHANNELS = 100;
    static final int CHARACTERS = 5;

    /** Numbers every message: a repeated text in a channel within a minute is ignored as a duplicate. */
    private static int nextLine;

    private SceneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Clock clock = Clock.systemUTC();
        try (DiscordSimulator simulator = DiscordSimulator.start();
             Database database = Database.open(DatabaseSettings.embedded(Files.createTempDirectory("tzurot-scenes")))) {
            Repositories repos = Repositories.of(database, clock);
            List<Personality> cast = new ArrayList<>();
            for (int i = 0; i < CHARACTERS; i++) {
                cast.add(DiscordApp.character(repos, "Actor" + i, "actor-" + i));
            }
            repos.scene().setLimits(new SceneLimits(CHARACTERS, CHARACTERS), null);
            SimGuild guild = simulator.world().createGuild("Scene Bench");
            SimUser sender = simulator.world().createMember(guild, "sender");
            DiscordApp.verified(repos, sender);
            List<SimTextChannel> channels = new ArrayList<>();
            for (int i = 0; i < CHANNELS; i++) {
                SimTextChannel channel = simulator.world().createTextChannel(guild, "stage-" + i);
                String id = Long.toString(channel.id());
                for (Personality p : cast) {
                    repos.channels().activate(id, Long.toString(guild.id()), p.id(), null, CHARACTERS);
                }
                repos.channels().setSpeakerStrategy(id, Long.toString(guild.id()), SpeakerStrategy.LIST);
                channels.add(channel);
            }
            Map<String, Personality> bySlug = new HashMap<>();
            cast.forEach(p -> bySlug.put(p.slug(), p));
            DiscordSettings settings = DiscordSettings.of(simulator.botToken()).withEndpoints(
                    URI.create(simulator.restBaseUrl()), URI.create(simulator.gatewayUrl()));
            DiscordServices services = new DiscordServices(repos.personalities(), repos.channels(), repos.denylist(),
                    repos.users(), new JdbiDeliveredMessageRepository(database.jdbi()), new InstantReplies(bySlug), clock)
                    .withSpeakers(new ChoosingSpeakers(repos.scene(), new SplittableRandom(1)));
            try (DiscordBot bot = new DiscordBot(settings, services)) {
                bot.start();
                burst(simulator, sender, channels, CHANNELS); // warm-up: JIT, and every channel gets its webhook
                System.out.println("load before: " + Stats.load());
                double[] rates = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long cpu = Stats.cpuNanos();
                    double seconds = burst(simulator, sender, channels, messages) / 1e9;
                    cpu = Stats.cpuNanos() - cpu;
                    rates[r] = messages * CHARACTERS / seconds;
                    System.out.printf("round %d: messages=%d replies=%d in %.2f s -> %.0f replies/s; CPU/reply=%.2f ms;"
                                    + " load=%s%n", r + 1, messages, messages * CHARACTERS, seconds, rates[r],
                            cpu / 1e6 / (messages * CHARACTERS), Stats.load());
                }
                double[] sorted = rates.clone();
                Arrays.sort(sorted);
                System.out.printf("RESULT scenes_channels=%d characters=%d replies_per_s_median=%.0f load=%s%n",
                        CHANNELS, CHARACTERS, sorted[sorted.length / 2], Stats.load());
            }
        }
    }

    /**
     * Sends {@code count} messages round-robin and waits until each got its five replies; the nanoseconds from the
     * first send to the last reply.
     */
    private static long burst(DiscordSimulator simulator, SimUser sender, List<SimTextChannel> channels, int count)
            throws InterruptedException {
        int expected = simulator.botPosts().size() + count * CHARACTERS;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            simulator.users().post(sender, channels.get(i % channels.size()), "scene line " + nextLine++ + " for everyone");
        }
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (simulator.botPosts().size() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every reply came within 600 s");
            }
            Thread.sleep(2);
        }
        return System.nanoTime() - start;
    }

    /** Answers at once, as the character asked. */
    private static final class InstantReplies implements ReplyService {

        private final Map<String, Personality> bySlug;

        InstantReplies(Map<String, Personality> bySlug) {
            this.bySlug = bySlug;
        }

        @Override
        public CompletableFuture<ReplyOutcome> reply(ReplyRequest request) {
            Personality p = bySlug.values().stream().filter(c -> c.slug().equals(request.personality())
                    || c.id().toString().equals(request.personality())).findFirst().orElseThrow();
            ReplyOutcome.PersonalityCard card = new ReplyOutcome.PersonalityCard(p.id(), p.slug(), p.name(),
                    p.displayName(), false);
            return CompletableFuture.completedFuture(new ReplyOutcome.Replied(request.requestId(), Optional.of(card),
                    p.name() + " answers.", Optional.empty(), false, "bench/model", false,
                    Optional.of("-# Model: bench/model"), List.of(), false));
        }
    }
}
