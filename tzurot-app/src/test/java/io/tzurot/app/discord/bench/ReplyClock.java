package io.tzurot.app.discord.bench;

import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.activity.BotActivity;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * Times messages through the simulator: {@link #sent} just before the simulator dispatches MESSAGE_CREATE, and
 * the arrival of the webhook post answering it at the simulator's REST API (the reply quotes the message's
 * {@code #n} tag). Only the first webhook post per tag counts.
 */
final class ReplyClock {

    private final Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<Integer, Long> answeredAt = new ConcurrentHashMap<>();
    private volatile CountDownLatch pending = new CountDownLatch(0);

    ReplyClock(DiscordSimulator simulator) {
        simulator.onActivity(this::onActivity);
    }

    /** Expect {@code count} more answers (awaited with {@link #await}). */
    void expect(int count) {
        pending = new CountDownLatch(count);
    }

    void sent(int tag) {
        sentAt.put(tag, System.nanoTime());
    }

    boolean await(long seconds) throws InterruptedException {
        return pending.await(seconds, TimeUnit.SECONDS);
    }

    /** Times one message: {@code send} posts the message tagged {@code tag}; returns once it is answered. */
    void roundTrip(int tag, Runnable send) throws InterruptedException {
        expect(1);
        sent(tag);
        send.run();
        if (!await(60)) {
            throw new IllegalStateException("no reply to message #" + tag + " within 60 s");
        }
    }

    /** Nanoseconds from MESSAGE_CREATE to the webhook post for each tag in {@code [from, to)}. */
    long[] latencies(int from, int to) {
        long[] out = new long[to - from];
        for (int tag = from; tag < to; tag++) {
            Long answered = answeredAt.get(tag);
            if (answered == null) {
                throw new IllegalStateException("message #" + tag + " was never answered");
            }
            out[tag - from] = answered - sentAt.get(tag);
        }
        return out;
    }

    /** When the last of the tags in {@code [from, to)} was answered. */
    long lastAnswer(int from, int to) {
        long last = 0;
        for (int tag = from; tag < to; tag++) {
            last = Math.max(last, answeredAt.getOrDefault(tag, 0L));
        }
        return last;
    }

    private void onActivity(BotActivity activity) {
        if (activity instanceof BotActivity.Posted posted && posted.viaWebhook()) {
            long now = System.nanoTime();
            Matcher m = DiscordBenchmark.TAG.matcher(posted.content());
            if (m.find() && answeredAt.putIfAbsent(Integer.parseInt(m.group(1)), now) == null) {
                pending.countDown();
            }
        }
    }
}
