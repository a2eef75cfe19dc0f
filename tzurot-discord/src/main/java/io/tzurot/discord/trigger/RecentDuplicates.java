package io.tzurot.discord.trigger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drops a message that repeats, word for word, what the same user just asked the same character in the same
 * channel (spec/discord.md §4: a double send, or a client's retry), within {@link #WINDOW}.
 */
public final class RecentDuplicates {

    /** How long a message counts as just sent. */
    public static final Duration WINDOW = Duration.ofSeconds(5);
    private static final int SWEEP_EVERY = 256;

    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    public RecentDuplicates(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records this message and says whether it repeats one seen within the window. {@code content} should hold
     * everything that makes the message what it is (text and attachments), so two different images are not one.
     */
    public boolean isRepeat(String personalityId, String userId, String channelId, String content) {
        Instant now = clock.instant();
        String key = personalityId + ':' + userId + '-' + channelId + ':' + digest(content);
        Instant previous = seen.put(key, now);
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        return previous != null && previous.plus(WINDOW).isAfter(now);
    }

    private void sweep(Instant now) {
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext();) {
            if (!it.next().plus(WINDOW).isAfter(now)) {
                it.remove();
            }
        }
    }

    private static String digest(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
