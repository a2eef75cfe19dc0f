package io.tzurot.app.discord.bench;

import io.tzurot.app.discord.DiscordApp;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.user.User;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slash commands on the whole product ({@code ./tzurot start}, embedded), real JDA against the simulator, one
 * interaction at a time: (1) interaction → first response (the deferral of {@code /character view}, from the
 * simulator dispatching INTERACTION_CREATE to the callback arriving at its REST API); (2) dashboard save →
 * re-render (a section modal submitted on the character dashboard, to the UPDATE_MESSAGE callback carrying the
 * re-rendered dashboard: session touch, load, use-case save in H2, render).
 */
final class CommandBench {

    private static final int WARM_UP = 50;

    private CommandBench() {
    }

    static String run(int measured) throws Exception {
        Path dir = Files.createTempDirectory("tzurot-command-bench");
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            Map<Long, Long> answeredAt = new ConcurrentHashMap<>();
            app.simulator.onActivity(a -> {
                if (a instanceof BotActivity.InteractionAnswered answered) {
                    answeredAt.putIfAbsent(answered.interactionId(), System.nanoTime());
                }
            });
            SimGuild guild = app.simulator.world().createGuild("Command Bench");
            SimUser alice = app.simulator.world().createMember(guild, "alice");
            SimTextChannel channel = app.simulator.world().createTextChannel(guild, "bench");
            User owner = app.verified(alice);
            app.repos.personalities().create(owner.id(), PersonalityDraft.of("Bench", "bench-char", "A benchmark.",
                    "patient"));

            long[] deferral = measure(measured, answeredAt, () -> app.simulator.users().slashCommand(alice, channel,
                    "character view", Map.of("character", "bench-char")));

            long edit = app.simulator.users().slashCommand(alice, channel, "character edit",
                    Map.of("character", "bench-char"));
            SimMessage dashboard = awaitEphemeral(app, edit);
            int[] n = {0};
            long[] save = measure(measured, answeredAt, () -> app.simulator.users().submitModal(alice, dashboard,
                    "character::modal::bench-char::preferences", Map.of("likes", "tea " + n[0]++, "dislikes", "noise")));

            System.out.printf("commands (whole product): interactions=%d after %d warm-up%n", measured, WARM_UP);
            System.out.printf("  interaction -> first response (deferral): p50=%.1f ms  p99=%.1f ms  max=%.1f ms%n",
                    Stats.ms(deferral, 0.5), Stats.ms(deferral, 0.99), Stats.ms(deferral, 1.0));
            System.out.printf("  dashboard save -> re-render:            p50=%.1f ms  p99=%.1f ms  max=%.1f ms  load=%s%n",
                    Stats.ms(save, 0.5), Stats.ms(save, 0.99), Stats.ms(save, 1.0), Stats.load());
            return String.format("deferral_p50_ms=%.1f deferral_p99_ms=%.1f save_rerender_p50_ms=%.1f"
                    + " save_rerender_p99_ms=%.1f", Stats.ms(deferral, 0.5), Stats.ms(deferral, 0.99),
                    Stats.ms(save, 0.5), Stats.ms(save, 0.99));
        }
    }

    /** Runs {@code interaction} warm-up + measured times, one at a time; nanoseconds to each first callback. */
    private static long[] measure(int measured, Map<Long, Long> answeredAt, LongSupplier interaction)
            throws InterruptedException {
        long[] out = new long[measured];
        for (int i = 0; i < WARM_UP + measured; i++) {
            long start = System.nanoTime();
            long id = interaction.getAsLong();
            long deadline = start + 30_000_000_000L;
            Long at;
            while ((at = answeredAt.get(id)) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("interaction " + id + " was not answered");
                }
                Thread.onSpinWait();
            }
            if (i >= WARM_UP) {
                out[i - WARM_UP] = at - start;
            }
            // let the rest of the interaction (the edit after a deferral) finish before the next one
            Thread.sleep(5);
        }
        return out;
    }

    private static SimMessage awaitEphemeral(DiscordApp app, long interaction) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            List<SimMessage> all = app.simulator.ephemeralsFor(interaction);
            if (!all.isEmpty() && !all.get(all.size() - 1).embeds().isEmpty()) {
                return all.get(all.size() - 1);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the dashboard did not open");
    }
}
