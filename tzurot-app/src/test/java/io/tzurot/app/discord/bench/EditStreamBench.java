package io.tzurot.app.discord.bench;

import io.tzurot.app.discord.DiscordApp;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;

/**
 * Benchmark (not a test): MESSAGE_CREATE → the first webhook post, with edit-streaming off and on, on the whole
 * product (every role, embedded) and an instant fake model whose reply's first sentence carries the message's tag.
 * Messages alternate between plain and streaming channels (a fresh channel each, so no reply waits behind the previous
 * one's last edit), one at a time; p50/p99 of each after a warm-up.
 * With streaming on, the first post leaves as soon as the first sentence has streamed in (before post-processing,
 * storing and the outcome's trip); off, it leaves with the finished reply.
 */
final class EditStreamBench {

    private EditStreamBench() {
    }

    static String run(int measured) throws Exception {
        int warmUp = 60;
        Path dir = Files.createTempDirectory("tzurot-discord-stream-bench");
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            Random random = new Random(13);
            app.model.respondWith(request -> {
                Matcher m = DiscordBenchmark.TAG.matcher(request.lastUserText());
                String tag = "";
                while (m.find()) {
                    tag = m.group();
                }
                synchronized (random) {
                    return FakeReply.text("Noted " + tag + ". Funny you say that: "
                            + DiscordBenchmark.sentence(random, 0).replace(" #0", "") + ". I will remember it, and I"
                            + " will tell the others at the harbour tonight when the lamps are lit.");
                }
            });
            SimGuild guild = app.simulator.world().createGuild("Stream Bench Guild");
            SimUser alice = app.simulator.world().createMember(guild, "alice");
            app.verified(alice);
            app.character("Ada", "ada");
            ReplyClock clock = new ReplyClock(app.simulator);
            Random words = new Random(7);
            int total = 2 * (warmUp + measured);
            // a channel per message: a streamed reply's last edit comes at least a second after its first post, and
            // the channel's next reply would wait for it in the channel's order
            List<SimTextChannel> channels = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                SimTextChannel channel = app.simulator.world().createTextChannel(guild, (i % 2 == 0 ? "plain-" : "streamed-") + i);
                if (i % 2 == 1) {
                    app.repos.channels().setStreamEdits(Long.toString(channel.id()), Long.toString(guild.id()), true);
                }
                channels.add(channel);
            }
            for (int i = 0; i < total; i++) {
                int tag = i;
                SimTextChannel channel = channels.get(i);
                clock.roundTrip(tag, () -> app.simulator.users().post(alice, channel,
                        "@Ada " + DiscordBenchmark.sentence(words, tag)));
            }
            long[] all = clock.latencies(2 * warmUp, total);
            long[] off = new long[measured];
            long[] on = new long[measured];
            for (int i = 0; i < 2 * measured; i++) {
                (i % 2 == 0 ? off : on)[i / 2] = all[i];
            }
            Arrays.sort(off);
            Arrays.sort(on);
            System.out.printf("edit-streaming (whole product, instant model): messages=%d per channel after %d warm-up"
                            + "  off: p50=%.1f ms p99=%.1f ms  on: p50=%.1f ms p99=%.1f ms  load=%s%n", measured, warmUp,
                    Stats.ms(off, 0.5), Stats.ms(off, 0.99), Stats.ms(on, 0.5), Stats.ms(on, 0.99), Stats.load());
            return String.format("stream_off_p50_ms=%.1f stream_off_p99_ms=%.1f stream_on_p50_ms=%.1f"
                    + " stream_on_p99_ms=%.1f", Stats.ms(off, 0.5), Stats.ms(off, 0.99), Stats.ms(on, 0.5),
                    Stats.ms(on, 0.99));
        }
    }
}
