package io.tzurot.discord.bot;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.speaking.RecordingGhostTurn;
import io.tzurot.discord.context.RequestFactory;
import io.tzurot.discord.delivery.ChannelQueue;
import io.tzurot.discord.delivery.Delays;
import io.tzurot.discord.delivery.EditStream;
import io.tzurot.discord.delivery.ReplyPoster;
import io.tzurot.discord.delivery.Typing;
import io.tzurot.discord.trigger.BotTexts;
import io.tzurot.discord.trigger.RecentDuplicates;
import io.tzurot.discord.trigger.Trigger;
import io.tzurot.discord.trigger.TriggerResolver;
import io.tzurot.discord.trigger.VerificationPrompts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns incoming messages ({@link MessageIntake}'s) into replies. On the gateway thread it only enqueues, so triggers keep
 * their arrival order per channel; deciding, context building and the engine run on worker threads, and
 * delivery waits its turn in the channel's queue.
 */
final class MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);
    /** How long a reply may be in the works before the user is told it is taking longer than usual. */
    static final java.time.Duration SLOW_REPLY = java.time.Duration.ofMinutes(10);

    private static final Supplier<CompletableFuture<Void>> NOTHING = () -> CompletableFuture.completedFuture(null);

    private final DiscordServices services;
    private final TriggerResolver triggers;
    private final RequestFactory requests;
    private final ReplyPoster poster;
    private final ChannelQueue queue;
    private final ChannelQueue decisions = new ChannelQueue();
    private final Typing typing;
    private final ExecutorService workers;
    private final RecentDuplicates duplicates;
    private final Delays delays;
    private final VerificationPrompts verificationPrompts;
    private final MessageAdmission admission;
    private final ReplyDelivery delivery;

    MessageHandler(DiscordServices services, TriggerResolver triggers, RequestFactory requests, ReplyPoster poster,
                   ChannelQueue queue, Typing typing, ExecutorService workers, Delays delays,
                   VerificationPrompts verificationPrompts) {
        this.services = services;
        this.triggers = triggers;
        this.requests = requests;
        this.poster = poster;
        this.queue = queue;
        this.typing = typing;
        this.workers = workers;
        this.duplicates = new RecentDuplicates(services.clock());
        this.delays = delays;
        this.verificationPrompts = verificationPrompts;
        this.admission = new MessageAdmission(services.guards(), poster);
        this.delivery = new ReplyDelivery(services, poster, workers, delays);
    }

    /** Synchronized: with PluralKit on, messages arrive here from more than the gateway thread. */
    synchronized void enqueue(Message message) {
        String channel = message.getChannel().getId();
        // deciding in arrival order lets a DM's second message see the character its first one chose
        CompletableFuture<Supplier<CompletableFuture<Void>>> prepared = decisions.enqueue(channel,
                () -> CompletableFuture.supplyAsync(() -> prepare(message), workers));
        queue.enqueue(channel, () -> prepared.thenCompose(Supplier::get)
                .exceptionallyCompose(error -> {
                    LOG.error("handling message {} in channel {} failed", message.getId(), message.getChannel().getId(),
                            error);
                    return poster.answer(message, BotTexts.PROCESSING_ERROR).handle((ok, e) -> null);
                }));
    }

    /** Decides and starts the replies; the returned delivery runs when the channel's turn comes. */
    private Supplier<CompletableFuture<Void>> prepare(Message message) {
        if (!admission.claimed(message)) {
            LOG.debug("message {} is handled by another gateway; ignored", message.getId());
            return NOTHING;
        }
        return prepare(message, triggers.resolve(message), false);
    }

    private Supplier<CompletableFuture<Void>> prepare(Message message, Trigger trigger, boolean transcribed) {
        if (trigger instanceof Trigger.Transcribed voice) {
            Supplier<CompletableFuture<Void>> then = prepare(message, voice.then(), true);
            return () -> poster.answer(message, voice.transcript()).thenCompose(sent -> then.get());
        }
        if (trigger instanceof Trigger.Ghost ghost) {
            recordGhost(message, ghost.invoke());
            return () -> CompletableFuture.completedFuture(null);
        }
        if (trigger instanceof Trigger.Ignore ignore) {
            LOG.debug("message {} ignored: {}", message.getId(), ignore.why());
            return () -> CompletableFuture.completedFuture(null);
        }
        if (trigger instanceof Trigger.BotAnswer answer) {
            boolean verification = answer.text().equals(BotTexts.VERIFICATION_REQUIRED);
            return () -> poster.answer(message, answer.text()).thenAccept(sent -> {
                if (verification) {
                    verificationPrompts.remember(message.getAuthor().getId(), sent);
                }
                deleteLater(sent, answer.deleteAfterSeconds());
            });
        }
        if (trigger instanceof Trigger.Invoke verified && verified.notice().equals(BotTexts.VERIFIED)) {
            // the prompts telling this user how to verify have done their job
            verificationPrompts.deleteAll(message.getAuthor().getId(), message.getJDA());
        }
        Trigger.Invoke invoke = withoutRepeats(message, (Trigger.Invoke) trigger);
        if (invoke == null) {
            LOG.debug("message {} repeats one sent within {}; ignored", message.getId(), RecentDuplicates.WINDOW);
            return NOTHING;
        }
        Optional<Supplier<CompletableFuture<Void>>> refused = admission.overLimit(message);
        if (refused.isPresent()) {
            return refused.get();
        }
        return invoke(message, invoke.personalities(), invoke.notice(), invoke.autoResponse(), () -> {
            RequestFactory.MessageContext read = requests.context(message, invoke.content());
            // a transcribed voice message's transcript is already the message
            return transcribed ? read.withoutAudio() : read;
        });
    }

    /** In a ghost channel: what the message told each character goes into its history; nothing is posted. */
    private void recordGhost(Message message, Trigger.Invoke invoke) {
        services.speaking().ifPresent(speaking -> {
            for (Personality personality : invoke.personalities()) {
                try {
                    speaking.ghostTurns().record(new RecordingGhostTurn.GhostTurn(message.getId(),
                            message.getChannel().getId(), message.isFromGuild() ? message.getGuild().getId() : null,
                            invoke.user().id(), personality.id(), invoke.content(),
                            message.getTimeCreated().toInstant()));
                } catch (RuntimeException e) {
                    // never an error post: the bot stays silent in a ghost channel whatever happens
                    LOG.warn("ghost turn of message {} not recorded: {}", message.getId(), e.getMessage());
                }
            }
        });
        LOG.debug("message {} recorded in ghost mode for {} character(s)", message.getId(), invoke.personalities().size());
    }

    /**
     * A {@code /chat} message: {@code anchor} is the bot's post of the caller's words, and the character answers it
     * as it would answer a mention, in the channel's turn.
     */
    void chat(Message anchor, Speaker speaker, Personality personality, String text) {
        String channel = anchor.getChannel().getId();
        CompletableFuture<Supplier<CompletableFuture<Void>>> prepared = decisions.enqueue(channel,
                () -> CompletableFuture.supplyAsync(() -> invoke(anchor, List.of(personality), "", false,
                        () -> requests.spoken(anchor, speaker, text)), workers));
        queue.enqueue(channel, () -> prepared.thenCompose(Supplier::get)
                .exceptionallyCompose(error -> {
                    LOG.error("/chat answering message {} failed", anchor.getId(), error);
                    return poster.answer(anchor, BotTexts.PROCESSING_ERROR).handle((ok, e) -> null);
                }));
    }

    private Supplier<CompletableFuture<Void>> invoke(Message message, List<Personality> personalities, String notice,
                                                     boolean autoResponse,
                                                     Supplier<RequestFactory.MessageContext> reading) {
        ScheduledFuture<?> typingIndicator = typing.start(message.getChannel());
        try {
            RequestFactory.MessageContext context = reading.get();
            boolean several = personalities.size() > 1;
            List<ReplyDelivery.Pending> pending = new ArrayList<>();
            // a scene's characters speak one after another, each knowing what the one before it said; characters
            // addressed together in one message answer it at the same time
            boolean inTurn = autoResponse && several;
            CompletableFuture<?> before = CompletableFuture.completedFuture(null);
            for (Personality personality : personalities) {
                var request = requests.request(message, context, personality, several);
                // with edit-streaming on in the channel, the reply's text is shown while it is written
                Optional<EditStream> stream = delivery.stream(message, personality);
                Supplier<CompletableFuture<ReplyOutcome>> call = stream.isEmpty()
                        ? () -> services.replies().reply(request)
                        : () -> services.replies().reply(request, stream.get());
                CompletableFuture<ReplyOutcome> outcome = inTurn
                        ? before.handle((done, error) -> null).thenCompose(ignored -> ask(call))
                        : ask(call);
                before = outcome;
                pending.add(new ReplyDelivery.Pending(personality, outcome, stream));
            }
            // after ten minutes the user is told it is still coming (spec/discord.md §1.10); typing stops there
            Delays.Pending slow = delays.after(SLOW_REPLY, () -> {
                typingIndicator.cancel(false);
                poster.answer(message, BotTexts.TAKING_LONGER).whenComplete((sent, error) -> {
                    if (error != null) {
                        LOG.warn("slow-reply notice for message {} not posted: {}", message.getId(), error.getMessage());
                    }
                });
            });
            CompletableFuture.allOf(pending.stream().map(ReplyDelivery.Pending::outcome).toArray(CompletableFuture[]::new))
                    .whenComplete((ok, error) -> {
                        typingIndicator.cancel(false);
                        slow.cancel();
                    });
            return () -> delivery.deliver(message, notice, autoResponse, pending);
        } catch (RuntimeException e) {
            typingIndicator.cancel(false);
            throw e;
        }
    }

    /** The invocation without the characters this exact message was just sent to; null when none is left. */
    private Trigger.Invoke withoutRepeats(Message message, Trigger.Invoke invoke) {
        String content = invoke.content() + message.getAttachments().stream()
                .map(a -> "\n[" + a.getFileName() + ":" + a.getSize() + "]").collect(Collectors.joining());
        String channel = message.isFromGuild() ? message.getChannel().getId() : "dm";
        List<Personality> fresh = invoke.personalities().stream().filter(p -> !duplicates.isRepeat(p.id().toString(),
                message.getAuthor().getId(), channel, content)).toList();
        if (fresh.isEmpty()) {
            return null;
        }
        return fresh.size() == invoke.personalities().size() ? invoke
                : new Trigger.Invoke(invoke.user(), fresh, invoke.content(), invoke.autoResponse(), invoke.notice());
    }

    private static CompletableFuture<ReplyOutcome> ask(Supplier<CompletableFuture<ReplyOutcome>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static void deleteLater(List<Message> sent, int seconds) {
        if (seconds > 0) {
            sent.forEach(m -> m.delete().queueAfter(seconds, TimeUnit.SECONDS, ok -> { }, error -> { }));
        }
    }
}
