package io.tzurot.web.chat;

import io.tzurot.core.reply.ReplyOutcome;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A reply started from the web: who asked, when, and its outcome once the engine answers.
 *
 * @param outcome completes with the outcome; never exceptionally (failures become {@link ReplyOutcome.Failed})
 * @param deltas  the text while it is written, for the event stream
 */
public record TrackedReply(String replyId, UUID userId, String personality, String channelId, Instant startedAt,
                           CompletableFuture<ReplyOutcome> outcome, ReplyDeltas deltas) {

    /** A reply with a stream of its own. */
    public TrackedReply(String replyId, UUID userId, String personality, String channelId, Instant startedAt,
                        CompletableFuture<ReplyOutcome> outcome) {
        this(replyId, userId, personality, channelId, startedAt, outcome, new ReplyDeltas());
    }

    public TrackedReply {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(personality, "personality");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(deltas, "deltas");
    }

    /** The outcome when it is there. */
    public Optional<ReplyOutcome> doneOutcome() {
        return outcome.isDone() ? Optional.of(outcome.join()) : Optional.empty();
    }
}
