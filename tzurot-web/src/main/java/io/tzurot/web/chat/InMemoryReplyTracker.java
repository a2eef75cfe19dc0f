package io.tzurot.web.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A bounded, expiring {@link ReplyTracker} in memory: at most {@code capacity} replies (the oldest go
 * first), each kept for {@code retention} after it started.
 */
public final class InMemoryReplyTracker implements ReplyTracker {

    /** Defaults: 10 000 replies, each kept for an hour. */
    public static final int DEFAULT_CAPACITY = 10_000;
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);

    private final int capacity;
    private final Duration retention;
    private final Clock clock;
    // insertion order is start order, so expiry and eviction both look at the head only
    private final LinkedHashMap<String, TrackedReply> replies = new LinkedHashMap<>();

    public InMemoryReplyTracker(int capacity, Duration retention, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, got " + retention);
        }
        this.capacity = capacity;
        this.retention = retention;
        this.clock = clock;
    }

    public InMemoryReplyTracker(Clock clock) {
        this(DEFAULT_CAPACITY, DEFAULT_RETENTION, clock);
    }

    @Override
    public synchronized void track(TrackedReply reply) {
        expire();
        replies.remove(reply.replyId());
        replies.put(reply.replyId(), reply);
        while (replies.size() > capacity) {
            Iterator<Map.Entry<String, TrackedReply>> oldest = replies.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    @Override
    public synchronized boolean trackWithin(TrackedReply reply, int maxPending) {
        if (pendingFor(reply.userId()) >= maxPending) {
            return false;
        }
        track(reply);
        return true;
    }

    @Override
    public synchronized Optional<TrackedReply> find(String replyId) {
        expire();
        return Optional.ofNullable(replies.get(replyId));
    }

    @Override
    public synchronized int pendingFor(UUID userId) {
        expire();
        return (int) replies.values().stream().filter(r -> r.userId().equals(userId) && !r.outcome().isDone()).count();
    }

    /** How many replies are kept now (after expiry). */
    public synchronized int size() {
        expire();
        return replies.size();
    }

    private void expire() {
        var cutoff = clock.instant().minus(retention);
        Iterator<TrackedReply> it = replies.values().iterator();
        while (it.hasNext()) {
            TrackedReply head = it.next();
            if (head.startedAt().isAfter(cutoff)) {
                return;
            }
            it.remove();
        }
    }
}
