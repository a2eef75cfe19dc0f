package io.tzurot.app.discord.bench;

import io.tzurot.app.discord.DiscordApp;
import io.tzurot.core.personality.Personality;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (not a test) of the Discord path, real JDA against the simulator on loopback:
 * <ul>
 *   <li>{@code latency}: the whole product ({@code ./tzurot start}, every role, embedded) with the fake model
 *       answering at once; one message at a time, time from the simulator dispatching MESSAGE_CREATE to the
 *       webhook post arriving at its REST API. p50/p99 after a warm-up.</li>
 *   <li>{@code intake}: one {@code discord} process alone ({@link IntakeBench}): 500 channels, each with an
 *       activated character, a burst of messages; how many per second it takes in (trigger decided, job handed to
 *       the engine) and whether the replies (answered at once) keep up.</li>
 *   <li>{@code product}: the same 500-channel burst against the whole product (engine on the fake model).</li>
 *   <li>{@code stream} (not part of {@code all}): MESSAGE_CREATE → first webhook post with edit-streaming off and
 *       on ({@link EditStreamBench}).</li>
 *   <li>{@code commands}: slash commands on the whole product ({@link CommandBench}): interaction → deferral,
 *       and dashboard save → re-render.</li>
 * </ul>
 * CPU is the benchmark JVM's, which also hosts the simulator and the fake model server. The last line is
 * machine-readable ({@code key=value}).
 *
 * <p>Run: {@code bench/discord.sh [all|latency|intake|product|commands|stream] [messages]}.
 */
public final class DiscordBenchmark {

    static final int CHANNELS = 500;
    /** A message's {@code #n} tag, which its reply quotes so the reply can be matched to it. */
    static final Pattern TAG = Pattern.compile("#(\\d+)\\b");
    private static final String[] WHO = {"the lighthouse keeper", "my grandmother", "a travelling botanist",
        "the night-shift baker", "our new neighbour", "a retired sea captain", "the village librarian",
        "an astronomer from Lyon"};
    private static final String[] WHAT = {"mended an old compass", "planted forty tulips", "wrote a letter in Latin",
        "found a map of the harbour", "baked rye bread at dawn", "counted the winter stars", "repaired a violin",
        "translated a sailing log"};
    private static final String[] WHEN = {"last Tuesday", "before the storm", "during the festival",
        "after midnight", "in early spring", "on a foggy morning"};

    private DiscordBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "all";
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        List<String> results = new ArrayList<>();
        if (mode.equals("all") || mode.equals("latency")) {
            results.add(latency(messages > 0 ? messages : 400));
        }
        if (mode.equals("all") || mode.equals("intake")) {
            results.add(IntakeBench.run(messages > 0 ? messages : 3000));
        }
        if (mode.equals("all") || mode.equals("commands")) {
            results.add(CommandBench.run(messages > 0 ? messages : 300));
        }
        if (mode.equals("stream")) {
            results.add(EditStreamBench.run(messages > 0 ? messages : 200));
        }
        if (mode.equals("all") || mode.equals("product")) {
            results.add(product(messages > 0 ? messages : 1000));
        }
        System.out.println("RESULT " + String.join(" ", results));
        System.exit(0);
    }

    /** A sentence that differs from its neighbours, so the engine never sees a duplicate reply. */
    static String sentence(Random random, int tag) {
        return WHO[random.nextInt(WHO.length)] + " " + WHAT[random.nextInt(WHAT.length)] + " "
                + WHEN[random.nextInt(WHEN.length)] + " #" + tag;
    }

    private static String latency(int measured) throws Exception {
        int warmUp = 100;
        Path dir = Files.createTempDirectory("tzurot-discord-bench");
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            answerWithTheTag(app);
            SimGuild guild = app.simulator.world().createGuild("Bench Guild");
            SimUser alice = app.simulator.world().createMember(guild, "alice");
            app.verified(alice);
            app.character("Ada", "ada");
            SimTextChannel channel = app.simulator.world().createTextChannel(guild, "latency");
            ReplyClock clock = new ReplyClock(app.simulator);
            Random random = new Random(7);
            long cpu = 0;
            Map<String, Long> threads = Map.of();
            for (int i = 0; i < warmUp + measured; i++) {
                if (i == warmUp) {
                    cpu = Stats.cpuNanos();
                    threads = Stats.cpuByThreadGroup();
                }
                int tag = i;
                clock.roundTrip(tag, () -> app.simulator.users().post(alice, channel, "@Ada " + sentence(random, tag)));
            }
            cpu = Stats.cpuNanos() - cpu;
            String busiest = Stats.topThreadGroups(threads, Stats.cpuByThreadGroup(), measured);
            long[] latencies = clock.latencies(warmUp, warmUp + measured);
            long modelCalls = app.model.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).count();
            System.out.printf("latency (whole product, instant model): messages=%d after %d warm-up  p50=%.1f ms"
                            + "  p99=%.1f ms  max=%.1f ms  CPU/message=%.1f ms  model calls/message=%.2f  load=%s%n",
                    measured, warmUp, Stats.ms(latencies, 0.5), Stats.ms(latencies, 0.99), Stats.ms(latencies, 1.0),
                    cpu / 1e6 / measured, modelCalls / (double) (warmUp + measured), Stats.load());
            System.out.println("  CPU per message by thread group: " + busiest);
            return String.format("latency_p50_ms=%.1f latency_p99_ms=%.1f latency_cpu_ms=%.1f",
                    Stats.ms(latencies, 0.5), Stats.ms(latencies, 0.99), cpu / 1e6 / measured);
        }
    }

    private static String product(int messages) throws Exception {
        Path dir = Files.createTempDirectory("tzurot-discord-bench");
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            answerWithTheTag(app);
            Personality ada = app.character("Ada", "ada");
            Burst burst = Burst.prepare(app.simulator, CHANNELS, (guild, channel) -> app.repos.channels()
                    .activate(Long.toString(channel.id()), Long.toString(guild.id()), ada.id(), null, 5));
            app.verified(burst.sender());
            Burst.Result result = burst.run(messages, 300);
            System.out.printf("product (whole product, %d activated channels): %s  load=%s%n", CHANNELS,
                    result.describe(), Stats.load());
            return result.machineReadable("product");
        }
    }

    /** The fake model quotes the current message's tag (the last one in the prompt) in its reply. */
    private static void answerWithTheTag(DiscordApp app) {
        Random random = new Random(11);
        app.model.respondWith(request -> {
            Matcher m = TAG.matcher(request.lastUserText());
            String tag = "";
            while (m.find()) {
                tag = m.group();
            }
            synchronized (random) {
                return FakeReply.text("Funny you say that: " + sentence(random, 0).replace(" #0", "") + ", " + tag + ".");
            }
        });
    }
}
