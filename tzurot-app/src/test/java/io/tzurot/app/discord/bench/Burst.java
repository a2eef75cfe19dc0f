package io.tzurot.app.discord.bench;

import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Many active channels (5 guilds of 100), one warm-up message per channel (webhooks get created), then a burst
 * sent round-robin as fast as the simulator dispatches; reports the rates, the drain time after the last message
 * and the per-message latency under load.
 */
final class Burst {

    private static final int CHANNELS_PER_GUILD = 100;

    private final DiscordSimulator simulator;
    private final SimUser sender;
    private final List<SimTextChannel> channels;
    private final ReplyClock clock;
    private int nextTag = 1_000_000;

    private Burst(DiscordSimulator simulator, SimUser sender, List<SimTextChannel> channels) {
        this.simulator = simulator;
        this.sender = sender;
        this.channels = channels;
        this.clock = new ReplyClock(simulator);
    }

    /** Creates {@code count} channels, calling {@code activate} for each (e.g. to activate a character there). */
    static Burst prepare(DiscordSimulator simulator, int count, BiConsumer<SimGuild, SimTextChannel> activate) {
        SimUser sender = simulator.world().createUser("sender");
        List<SimTextChannel> channels = new ArrayList<>();
        SimGuild guild = null;
        for (int i = 0; i < count; i++) {
            if (i % CHANNELS_PER_GUILD == 0) {
                guild = simulator.world().createGuild("Burst Guild " + i / CHANNELS_PER_GUILD);
                simulator.world().addMember(guild, sender);
            }
            SimTextChannel channel = simulator.world().createTextChannel(guild, "busy-" + i);
            activate.accept(guild, channel);
            channels.add(channel);
        }
        return new Burst(simulator, sender, channels);
    }

    SimUser sender() {
        return sender;
    }

    /** The figures of one burst. */
    record Result(int messages, double sendSeconds, double replySeconds, double drainSeconds, long[] latencies,
                  long cpuNanos, double intakeSeconds) {

        double offeredPerSecond() {
            return messages / sendSeconds;
        }

        double repliesPerSecond() {
            return messages / replySeconds;
        }

        String describe() {
            String intake = intakeSeconds > 0 ? String.format("taken in %.0f msgs/s, ", messages / intakeSeconds) : "";
            return String.format("messages=%d sent at %.0f msgs/s; %sanswered %.0f msgs/s (all replies %.2f s after the"
                            + " first message, %.2f s after the last); latency under load p50=%.0f ms p99=%.0f ms;"
                            + " CPU/message=%.2f ms (%.2f cores)", messages, offeredPerSecond(), intake,
                    repliesPerSecond(), replySeconds, drainSeconds, Stats.ms(latencies, 0.5), Stats.ms(latencies, 0.99),
                    cpuNanos / 1e6 / messages, cpuNanos / 1e9 / replySeconds);
        }

        String machineReadable(String prefix) {
            return String.format("%s_offered_per_s=%.0f %s_intake_per_s=%.0f %s_replies_per_s=%.0f %s_drain_s=%.2f"
                            + " %s_p99_ms=%.0f %s_cpu_ms=%.2f", prefix, offeredPerSecond(), prefix,
                    intakeSeconds > 0 ? messages / intakeSeconds : 0, prefix, repliesPerSecond(), prefix, drainSeconds,
                    prefix, Stats.ms(latencies, 0.99), prefix, cpuNanos / 1e6 / messages);
        }
    }

    /** Warm-up round, then {@code messages} spread over every channel; waits at most {@code timeoutSeconds}. */
    Result run(int messages, long timeoutSeconds) throws InterruptedException {
        return run(messages, 0, timeoutSeconds, () -> 0L);
    }

    /**
     * As {@link #run(int, long)}, sent at {@code perSecond} (0: as fast as possible); {@code lastIntake} tells
     * when the bot took in the last message (0: unknown).
     */
    Result run(int messages, int perSecond, long timeoutSeconds, java.util.function.LongSupplier lastIntake)
            throws InterruptedException {
        Random random = new Random(3);
        burst(channels.size(), 0, random, timeoutSeconds); // webhooks are created on each channel's first reply
        int first = nextTag;
        long cpu = Stats.cpuNanos();
        long start = System.nanoTime();
        long sent = burst(messages, perSecond, random, timeoutSeconds);
        cpu = Stats.cpuNanos() - cpu;
        long last = clock.lastAnswer(first, first + messages);
        long intake = lastIntake.getAsLong();
        return new Result(messages, (sent - start) / 1e9, (last - start) / 1e9, (last - sent) / 1e9,
                clock.latencies(first, first + messages), cpu, intake > 0 ? (intake - start) / 1e9 : 0);
    }

    /**
     * One message at a time (round-robin over the channels, after {@code warmUp} unmeasured ones): nanoseconds from
     * MESSAGE_CREATE to the answering webhook post, without load.
     */
    long[] oneAtATime(int warmUp, int measured) throws InterruptedException {
        Random random = new Random(5);
        int first = nextTag + warmUp;
        for (int i = 0; i < warmUp + measured; i++) {
            int tag = nextTag++;
            SimTextChannel channel = channels.get(i % channels.size());
            clock.roundTrip(tag, () -> simulator.users().post(sender, channel, DiscordBenchmark.sentence(random, tag)));
        }
        return clock.latencies(first, first + measured);
    }

    /** Sends {@code count} messages round-robin and waits for every answer; returns when the last was sent. */
    private long burst(int count, int perSecond, Random random, long timeoutSeconds) throws InterruptedException {
        clock.expect(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (perSecond > 0) {
                long due = start + i * 1_000_000_000L / perSecond;
                java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
            }
            int tag = nextTag++;
            clock.sent(tag);
            simulator.users().post(sender, channels.get(i % channels.size()), DiscordBenchmark.sentence(random, tag));
        }
        long sent = System.nanoTime();
        if (!clock.await(timeoutSeconds)) {
            throw new IllegalStateException("not every message was answered within " + timeoutSeconds + " s");
        }
        return sent;
    }
}
