package io.tzurot.discord.bot;

import io.tzurot.core.channel.SwitchingEditStreaming;
import io.tzurot.core.diagnostics.InspectingReplies;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.RecordingExchange;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyOutcome.PersonalityCard;
import io.tzurot.discord.delivery.AutoResponseFooter;
import io.tzurot.discord.delivery.Delays;
import io.tzurot.discord.delivery.EditStream;
import io.tzurot.discord.delivery.ReplyPoster;
import io.tzurot.discord.delivery.ThinkingBlock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a message's replies in their turn: the thinking block when the preset shows it, then the reply (finishing
 * its edit-stream when the channel streams), or the failure notice; then links the posted messages to the reply's
 * diagnostic record and stored turn.
 */
final class ReplyDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyDelivery.class);
    private static final int VERIFIED_NOTICE_SECONDS = 10;
    private static final int LINK_ATTEMPTS = 5;

    private final DiscordServices services;
    private final ReplyPoster poster;
    private final ExecutorService workers;
    private final Delays delays;
    private final SwitchingEditStreaming streaming;

    ReplyDelivery(DiscordServices services, ReplyPoster poster, ExecutorService workers, Delays delays) {
        this.services = services;
        this.poster = poster;
        this.workers = workers;
        this.delays = delays;
        this.streaming = new SwitchingEditStreaming(services.channels());
    }

    /** One character's reply on its way; {@code stream} is set when the channel edit-streams replies. */
    record Pending(Personality personality, CompletableFuture<ReplyOutcome> outcome, Optional<EditStream> stream) {
    }

    /** The edit-stream of {@code personality}'s reply to {@code message}, when its channel (a thread's parent) streams. */
    Optional<EditStream> stream(Message message, Personality personality) {
        if (!message.isFromGuild()) {
            return Optional.empty();
        }
        String channel = message.getChannel() instanceof ThreadChannel thread
                ? thread.getParentChannel().getId() : message.getChannel().getId();
        try {
            if (!streaming.streams(channel)) {
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            // the reply still arrives whole
            LOG.warn("edit-streaming setting of channel {} not read: {}", channel, e.getMessage());
            return Optional.empty();
        }
        return EditStream.open(poster, message, fallbackCard(personality), delays);
    }

    CompletableFuture<Void> deliver(Message message, String notice, boolean autoResponse, List<Pending> pending) {
        CompletableFuture<Void> chain = notice.isEmpty() ? CompletableFuture.completedFuture(null)
                : poster.answer(message, notice).thenAccept(sent -> MessageHandler.deleteLater(sent,
                VERIFIED_NOTICE_SECONDS));
        for (Pending next : pending) {
            chain = chain.thenCompose(ignored -> turn(next)).thenCompose(outcome -> {
                if (outcome instanceof ReplyOutcome.Replied replied) {
                    PersonalityCard card = replied.personality().orElseGet(() -> fallbackCard(next.personality()));
                    Optional<String> footer = autoResponse ? AutoResponseFooter.mark(replied.footer()) : replied.footer();
                    return reply(message, card, replied, footer, next.stream())
                            .thenApply(sent -> linkToRecord(replied.requestId(), sent))
                            .thenApplyAsync(sent -> remember(RecordingExchange.assistantTurnId(replied.requestId()), sent),
                                    workers);
                }
                ReplyOutcome.Failed failed = (ReplyOutcome.Failed) outcome;
                LOG.info("reply {} failed ({}, ref {})", failed.requestId(), failed.kind(), failed.referenceId());
                return finishOrPost(message, failed.personality().orElseGet(() -> fallbackCard(next.personality())),
                        failed.withErrorSpoiler(), Optional.empty(), next.stream())
                        .thenApplyAsync(sent -> remember(RecordingExchange.errorTurnId(failed.requestId()), sent), workers);
            }).thenAccept(sent -> { });
        }
        return chain;
    }

    /** The reply's turn has come: its stream may show text now; an error removes what it showed. */
    private static CompletableFuture<ReplyOutcome> turn(Pending next) {
        next.stream().ifPresent(EditStream::begin);
        if (next.stream().isEmpty()) {
            return next.outcome();
        }
        EditStream stream = next.stream().get();
        return next.outcome().exceptionallyCompose(error -> stream.discard()
                .thenCompose(ignored -> CompletableFuture.<ReplyOutcome>failedFuture(error)));
    }

    private CompletableFuture<List<Message>> reply(Message message, PersonalityCard card, ReplyOutcome.Replied replied,
                                                   Optional<String> footer, Optional<EditStream> stream) {
        if (stream.isPresent() && replied.showThinking() && replied.reasoning().isPresent()) {
            // the thinking block comes before the reply: what was streamed goes, and the reply follows it whole
            return stream.get().discard().thenCompose(ignored -> thinking(message, card, replied))
                    .thenCompose(shown -> poster.post(message, card, replied.content(), footer));
        }
        return thinking(message, card, replied)
                .thenCompose(shown -> finishOrPost(message, card, replied.content(), footer, stream));
    }

    /** The stream's messages made final, or (nothing streamed) a plain post. */
    private CompletableFuture<List<Message>> finishOrPost(Message message, PersonalityCard card, String body,
                                                          Optional<String> footer, Optional<EditStream> stream) {
        if (stream.isEmpty()) {
            return poster.post(message, card, body, footer);
        }
        return stream.get().finish(body, footer).thenCompose(done -> done.map(CompletableFuture::completedFuture)
                .orElseGet(() -> poster.post(message, card, body, footer)));
    }

    private CompletableFuture<Void> thinking(Message message, PersonalityCard card, ReplyOutcome.Replied replied) {
        if (!replied.showThinking() || replied.reasoning().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String block : ThinkingBlock.messages(replied.reasoning().get())) {
            chain = chain.thenCompose(ignored -> poster.post(message, card, block, Optional.empty())).thenAccept(s -> { });
        }
        // a reply is still delivered when its thinking could not be shown
        return chain.exceptionally(error -> {
            LOG.warn("thinking of reply {} not shown: {}", replied.requestId(), error.getMessage());
            return null;
        });
    }

    /**
     * Gives the stored turn the Discord ids it was posted as (where the bot shares the database), so a later
     * reference to it is recognised as already in history.
     */
    private List<Message> remember(UUID turn, List<Message> sent) {
        if (services.history().isPresent() && !sent.isEmpty()) {
            try {
                services.history().get().setDiscordMessageIds(turn, sent.stream().map(Message::getId).toList());
            } catch (RuntimeException e) {
                LOG.warn("Discord ids of turn {} not stored: {}", turn, e.getMessage());
            }
        }
        return sent;
    }

    /** Lets "Inspect Message" on a posted reply find its diagnostic record (when commands are served). */
    private List<Message> linkToRecord(String requestId, List<Message> sent) {
        services.commands().ifPresent(c -> link(c.inspecting(), requestId, sent.stream().map(Message::getId).toList(),
                0));
        return sent;
    }

    /** The record is written in the background, maybe after delivery: try again after 1, 2, 4 ... 32 s. */
    private void link(InspectingReplies inspecting, String requestId, List<String> messageIds, int attempt) {
        try {
            if (inspecting.linkMessages(requestId, messageIds) || attempt >= LINK_ATTEMPTS) {
                return;
            }
            CompletableFuture.delayedExecutor(1L << attempt, TimeUnit.SECONDS, workers)
                    .execute(() -> link(inspecting, requestId, messageIds, attempt + 1));
        } catch (RuntimeException e) {
            LOG.warn("reply {} not linked to its diagnostic record: {}", requestId, e.getMessage());
        }
    }

    /** Only when the engine named no character: it reads the avatar, which is not free. */
    private PersonalityCard fallbackCard(Personality p) {
        return new PersonalityCard(p.id(), p.slug(), p.name(), p.shownName(), services.personalities().hasAvatar(p.id()));
    }

}
