package io.tzurot.core.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which history to load: the newest {@code maxMessages} live messages of a channel, either with one personality
 * or with every personality ({@link Scope}), no older than {@code maxAge} before {@code now}, and created after
 * the context-reset epoch.
 */
public record RecentHistoryQuery(
        String channelId,
        UUID personalityId,
        int maxMessages,
        Optional<Duration> maxAge,
        Optional<Instant> contextResetAt,
        Instant now,
        Scope scope) {

    /** Upper bound on {@link #maxMessages}. */
    public static final int MAX_MESSAGES = 1000;

    /** Whose messages of the channel count. */
    public enum Scope {
        /** Only the exchanges with {@link #personalityId()} (a character's own page of the conversation). */
        PERSONALITY,
        /** Every character's and every person's messages of the channel (what a character is shown). */
        CHANNEL
    }

    /** The history with one personality. */
    public RecentHistoryQuery(String channelId, UUID personalityId, int maxMessages, Optional<Duration> maxAge,
                              Optional<Instant> contextResetAt, Instant now) {
        this(channelId, personalityId, maxMessages, maxAge, contextResetAt, now, Scope.PERSONALITY);
    }

    /** The history of every personality in the channel; {@code personalityId} is the one asking. */
    public static RecentHistoryQuery wholeChannel(String channelId, UUID personalityId, int maxMessages,
                                                  Optional<Duration> maxAge, Optional<Instant> contextResetAt,
                                                  Instant now) {
        return new RecentHistoryQuery(channelId, personalityId, maxMessages, maxAge, contextResetAt, now, Scope.CHANNEL);
    }

    public RecentHistoryQuery {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(scope, "scope");
        if (maxMessages < 0 || maxMessages > MAX_MESSAGES) {
            throw new IllegalArgumentException("maxMessages must be between 0 and " + MAX_MESSAGES + ", got " + maxMessages);
        }
        Objects.requireNonNull(maxAge, "maxAge");
        maxAge.ifPresent(a -> {
            if (a.isNegative()) {
                throw new IllegalArgumentException("maxAge must not be negative");
            }
        });
        Objects.requireNonNull(contextResetAt, "contextResetAt");
        Objects.requireNonNull(now, "now");
    }

    /** The earliest creation time allowed by the age limit and the reset epoch, if either applies. */
    public Optional<Instant> lowerBoundExclusive() {
        Optional<Instant> byAge = maxAge.map(now::minus);
        if (byAge.isEmpty()) {
            return contextResetAt;
        }
        if (contextResetAt.isEmpty()) {
            return byAge;
        }
        return Optional.of(byAge.get().isAfter(contextResetAt.get()) ? byAge.get() : contextResetAt.get());
    }
}
