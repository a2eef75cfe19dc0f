package io.tzurot.app.discord.bench;

import io.tzurot.app.discord.DiscordApp;
import io.tzurot.app.wiring.Repositories;
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
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

/**
 * One {@code discord} process alone on the embedded database: what the Discord side costs when the engine (a
 * worker elsewhere in a fleet) answers at once. "Taken in" is the moment the bot hands a message's job to the
 * engine: the trigger chain ran (denylist, user, activation, NSFW gate) and the context was built.
 */
final class IntakeBench {

    private IntakeBench() {
    }

    static String run(int messages) throws Exception {
        Clock clock = Clock.systemUTC();
        try (DiscordSimulator simulator = DiscordSimulator.start();
             Database database = Database.open(DatabaseSettings.embedded(Files.createTempDirectory("tzurot-intake")))) {
            Repositories repos = Repositories.of(database, clock);
            Personality ada = DiscordApp.character(repos, "Ada", "ada");
            Burst burst = Burst.prepare(simulator, DiscordBenchmark.CHANNELS, (guild, channel) -> repos.channels()
                    .activate(Long.toString(channel.id()), Long.toString(guild.id()), ada.id(), null, 5));
            DiscordApp.verified(repos, burst.sender());
            InstantReplies replies = new InstantReplies(ada);
            DiscordSettings settings = DiscordSettings.of(simulator.botToken()).withEndpoints(
                    URI.create(simulator.restBaseUrl()), URI.create(simulator.gatewayUrl()));
            try (DiscordBot bot = new DiscordBot(settings, new DiscordServices(repos.personalities(), repos.channels(),
                    repos.denylist(), repos.users(), new JdbiDeliveredMessageRepository(database.jdbi()), replies, clock))) {
                bot.start();
                burst.oneAtATime(DiscordBenchmark.CHANNELS, 0); // warm-up: JIT, and every channel gets its webhook
                long cpu = Stats.cpuNanos();
                Map<String, Long> threads = Stats.cpuByThreadGroup();
                long[] alone = burst.oneAtATime(0, 400);
                cpu = Stats.cpuNanos() - cpu;
                String busiest = Stats.topThreadGroups(threads, Stats.cpuByThreadGroup(), 400);
                System.out.printf("latency (one discord process, replies at once): messages=400 after 500 warm-up"
                                + "  p50=%.1f ms  p99=%.1f ms  max=%.1f ms  CPU/message=%.1f ms  load=%s%n",
                        Stats.ms(alone, 0.5), Stats.ms(alone, 0.99), Stats.ms(alone, 1.0), cpu / 1e6 / 400, Stats.load());
                System.out.println("  CPU per message by thread group: " + busiest);
                Burst.Result result = burst.run(messages, 0, 300, replies.lastRequest::get);
                System.out.printf("intake (one discord process, %d activated channels, replies at once): %s  load=%s%n",
                        DiscordBenchmark.CHANNELS, result.describe(), Stats.load());
                // at a steady rate below the burst's: do replies keep pace (latency stays flat)?
                int steady = Math.max(50, (int) (result.repliesPerSecond() * 0.6) / 50 * 50);
                Burst.Result paced = burst.run(Math.min(messages, steady * 10), steady, 300, replies.lastRequest::get);
                System.out.printf("steady (the same, sent at %d msgs/s for %d s): %s  load=%s%n", steady,
                        Math.min(messages, steady * 10) / steady, paced.describe(), Stats.load());
                return String.format("adapter_p50_ms=%.1f adapter_p99_ms=%.1f ", Stats.ms(alone, 0.5),
                        Stats.ms(alone, 0.99)) + result.machineReadable("intake") + " "
                        + paced.machineReadable("steady");
            }
        }
    }

    /** Answers every request at once, quoting the message's tag; remembers when the last request came. */
    private static final class InstantReplies implements ReplyService {

        final AtomicLong lastRequest = new AtomicLong();
        private final ReplyOutcome.PersonalityCard card;

        InstantReplies(Personality p) {
            card = new ReplyOutcome.PersonalityCard(p.id(), p.slug(), p.name(), p.displayName(), false);
        }

        @Override
        public CompletableFuture<ReplyOutcome> reply(ReplyRequest request) {
            lastRequest.accumulateAndGet(System.nanoTime(), Math::max);
            Matcher m = DiscordBenchmark.TAG.matcher(request.message());
            String tag = m.find() ? m.group() : "";
            return CompletableFuture.completedFuture(new ReplyOutcome.Replied(request.requestId(), Optional.of(card),
                    "Noted, " + tag + ".", Optional.empty(), false, "bench/model", false,
                    Optional.of("-# Model: bench/model"), List.of(), false));
        }
    }
}
