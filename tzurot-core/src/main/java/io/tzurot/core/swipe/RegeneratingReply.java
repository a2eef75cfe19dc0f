package io.tzurot.core.swipe;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.reply.ExchangeMemories;
import io.tzurot.core.reply.HistoryMetadata;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.RecordingExchange;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.reply.ReplyStream;
import io.tzurot.core.reply.Speaker;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the model again for a character's latest reply (only its requester may): the same turn, with the reply being
 * replaced out of the history the engine reads (so it is neither shown to the model nor judged a duplicate of itself).
 * The engine runs as a fresh job of its own (job queues answer a repeated id with the first result) and its rows are
 * then moved into the reply's place; the old text stays as a version, the new one is chosen, and the exchange's
 * memory is the new text's. When the model fails, everything stays as it was.
 */
public final class RegeneratingReply {

    private static final Logger LOG = LoggerFactory.getLogger(RegeneratingReply.class);

    private final ReplyTargets targets;
    private final SwipeRepository swipes;
    private final ExchangeMemories memories;
    private final ReplyService replies;
    private final Clock clock;

    public RegeneratingReply(ReplyTargets targets, SwipeRepository swipes, ExchangeMemories memories,
                             ReplyService replies, Clock clock) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.swipes = Objects.requireNonNull(swipes, "swipes");
        this.memories = Objects.requireNonNull(memories, "memories");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks who asks and which reply, then regenerates; {@code speaker} is the requester as the platform shows them. */
    public CompletableFuture<SwipeOutcome> regenerate(ReplyTarget target, Speaker speaker, ReplyStream stream) {
        if (!ReplyTargets.mayChange(target, speaker.discordId())) {
            return done(new SwipeOutcome.Refused(SwipeOutcome.Reason.FORBIDDEN,
                    "Only the person who asked can regenerate this reply."));
        }
        if (!targets.isLatest(target, clock.instant())) {
            return done(new SwipeOutcome.Refused(SwipeOutcome.Reason.NOT_LATEST,
                    "Only the character's latest reply can be regenerated."));
        }
        UUID replyId = target.reply().id();
        if (!targets.claim(replyId)) {
            return done(new SwipeOutcome.Refused(SwipeOutcome.Reason.BUSY, "This reply is already being regenerated."));
        }
        try {
            return run(target, speaker, stream).whenComplete((outcome, error) -> targets.release(replyId));
        } catch (RuntimeException e) {
            targets.release(replyId);
            throw e;
        }
    }

    private CompletableFuture<SwipeOutcome> run(ReplyTarget target, Speaker speaker, ReplyStream stream) {
        ConversationHistoryRepository history = targets.history();
        HistoryMessage reply = target.reply();
        HistoryMessage asked = target.asked();
        List<Swipe> versions = swipes.list(reply.id());
        if (versions.isEmpty()) {
            swipes.add(reply.id(), new Swipe(0, reply.content(), Optional.empty(), true, reply.createdAt()));
            versions = swipes.list(reply.id());
        }
        int index = versions.size();
        // unique per attempt: a failed attempt leaves no version, and the job queue remembers every id it ran
        String generation = target.requestId() + "#" + index + "." + Long.toString(clock.millis(), 36);
        ReplyRequest request = request(target, speaker, generation);
        // out of what the engine reads: the turn is asked again (the engine writes it under the new id), and the
        // old text is neither in the history nor recalled as a memory
        boolean remembered = memories.exists(reply, asked, reply.content());
        if (remembered) {
            memories.forget(reply, asked, reply.content());
        }
        history.remove(reply.id());
        history.remove(asked.id());
        CompletableFuture<ReplyOutcome> outcome;
        try {
            outcome = replies.reply(request, stream);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        return outcome.handle((result, error) -> {
            if (result instanceof ReplyOutcome.Replied replied) {
                Optional<SwipeOutcome> shown = adopt(target, generation, replied, index);
                if (shown.isPresent()) {
                    return shown.get();
                }
            } else if (error != null) {
                LOG.warn("regenerating reply {} failed: {}", reply.id(), error.toString());
            }
            restore(target, generation);
            if (remembered) {
                memories.store(reply, asked, reply.content());
            }
            String message = result instanceof ReplyOutcome.Failed failed ? failed.userMessage()
                    : "The reply could not be regenerated; please try again.";
            return new SwipeOutcome.Refused(SwipeOutcome.Reason.FAILED, message);
        });
    }

    /** Moves the engine's new rows into the reply's place and keeps the new text as the chosen version. */
    private Optional<SwipeOutcome> adopt(ReplyTarget target, String generation, ReplyOutcome.Replied replied, int index) {
        ConversationHistoryRepository history = targets.history();
        HistoryMessage old = target.reply();
        Optional<HistoryMessage> written = history.find(RecordingExchange.assistantTurnId(generation));
        if (written.isEmpty()) {
            return Optional.empty();
        }
        HistoryMessage fresh = written.get();
        Map<String, String> meta = HistoryMetadata.readAll(fresh.metadataJson());
        meta.put(ReplyTargets.FIRST_REQUEST, target.requestId());
        history.remove(RecordingExchange.userTurnId(generation));
        history.append(target.asked());
        // the memory the engine queued refers to the new row, so the row is rewritten in place, never copied
        history.replace(fresh.id(), new HistoryMessage(old.id(), fresh.channelId(), fresh.guildId(),
                fresh.personalityId(), fresh.personaId(), fresh.role(), fresh.content(), fresh.tokenCount(),
                old.discordMessageIds(), HistoryMetadata.write(meta), fresh.createdAt(), null, null));
        swipes.add(old.id(), new Swipe(index, replied.content(), replied.footer(), true, fresh.createdAt()));
        return Optional.of(new SwipeOutcome.Shown(target, replied.content(), replied.footer(), index, index + 1,
                old.discordMessageIds(), Optional.of(replied)));
    }

    /** Puts the reply back as it was and drops what the failed attempt wrote. */
    private void restore(ReplyTarget target, String generation) {
        ConversationHistoryRepository history = targets.history();
        history.remove(RecordingExchange.userTurnId(generation));
        history.remove(RecordingExchange.errorTurnId(generation));
        history.remove(RecordingExchange.assistantTurnId(generation));
        history.append(target.asked());
        history.append(target.reply());
    }

    /** The same turn as a request: the stored user turn (attachments already described in it), asked again. */
    private static ReplyRequest request(ReplyTarget target, Speaker speaker, String generation) {
        HistoryMessage asked = target.asked();
        Platform platform = HistoryMetadata.read(target.reply().metadataJson(), "platform")
                .map(p -> p.toUpperCase(Locale.ROOT)).filter(p -> Set.of("DISCORD", "WEB", "CLI").contains(p))
                .map(Platform::valueOf).orElse(Platform.DISCORD);
        String text = asked.content();
        if (text.length() > ReplyRequest.MAX_MESSAGE_LENGTH) {
            text = text.substring(0, ReplyRequest.MAX_MESSAGE_LENGTH);
        }
        Instant at = asked.createdAt();
        return new ReplyRequest(generation, platform, speaker, target.reply().personalityId().toString(),
                asked.channelId(), Optional.ofNullable(asked.guildId()), Optional.empty(), text, List.of(), List.of(),
                asked.discordMessageIds().stream().findFirst(), Set.of(), at, false);
    }

    private static CompletableFuture<SwipeOutcome> done(SwipeOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
