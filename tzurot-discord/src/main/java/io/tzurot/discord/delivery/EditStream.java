package io.tzurot.discord.delivery;

import io.tzurot.core.discord.MessageChunker;
import io.tzurot.core.reply.ReplyOutcome.PersonalityCard;
import io.tzurot.core.reply.ReplyStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IWebhookContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reply edit-streamed through the channel's webhook: the visible text (what the engine's streaming filter lets
 * through: no thinking block, no half tag, no name label) is posted once its first sentence is ready, and later text
 * is shown by editing, coalesced, each write at least {@link #EDIT_GAP} after the previous one finished (so the
 * channel stays well inside Discord's limits; a 429 is retried by JDA's requester). The text is chunked as a
 * delivered reply is: past 2,000 characters the first message keeps its chunk and the next one is posted. When the
 * reply is done, {@link #finish} makes the messages exactly the chunks a plain delivery would post (editing what
 * differs, posting what is missing, deleting the surplus), so a {@code reset} or a changed final text is retracted
 * cleanly. Nothing is posted before {@link #begin()} (the reply's turn in the channel).
 */
public final class EditStream implements ReplyStream {

    /** The shortest time between the end of one write of a stream and the start of the next. */
    public static final Duration EDIT_GAP = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(EditStream.class);
    /** A sentence is ready once an end mark is followed by more text, or a line ends. */
    private static final Pattern SENTENCE_READY = Pattern.compile("[.!?…][\"')\\]*_~]*\\s|\\n");
    private static final EnumSet<Message.MentionType> ALLOWED_MENTIONS = EnumSet.of(Message.MentionType.USER);

    private final ReplyPoster poster;
    private final IWebhookContainer parent;
    private final MessageChannel target;
    private final PersonalityCard card;
    private final Delays delays;
    private final LongSupplier nanos;

    // guarded by this
    private final StringBuilder visible = new StringBuilder();
    private boolean begun;
    private boolean closed;
    private boolean started;
    private boolean pending;
    private CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);

    // touched only by the serialized writes
    private final List<Message> posted = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private volatile boolean broken;
    private volatile long lastWriteDone = Long.MIN_VALUE;

    private EditStream(ReplyPoster poster, IWebhookContainer parent, MessageChannel target, PersonalityCard card,
                       Delays delays, LongSupplier nanos) {
        this.poster = poster;
        this.parent = parent;
        this.target = target;
        this.card = card;
        this.delays = delays;
        this.nanos = nanos;
    }

    /** A stream into {@code trigger}'s channel as {@code card}; empty where replies do not go through a webhook. */
    public static Optional<EditStream> open(ReplyPoster poster, Message trigger, PersonalityCard card, Delays delays) {
        Objects.requireNonNull(poster, "poster");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(delays, "delays");
        MessageChannel channel = trigger.getChannel();
        return ReplyPoster.webhookChannel(channel)
                .map(parent -> new EditStream(poster, parent, channel, card, delays, System::nanoTime));
    }

    @Override
    public synchronized void delta(String text) {
        if (!closed) {
            visible.append(text);
            schedule();
        }
    }

    @Override
    public synchronized void reset(String text) {
        if (!closed) {
            visible.setLength(0);
            visible.append(text);
            schedule();
        }
    }

    /** The reply's turn has come: from now on its text is shown. */
    public synchronized void begin() {
        begun = true;
        schedule();
    }

    /**
     * Ends the stream with the reply's final words (its text, or the failure notice): the posted messages become
     * exactly {@code body}'s chunks with {@code footer} after the last. Empty when nothing was shown (or streaming
     * broke, in which case what was shown is deleted): the caller then delivers the reply as usual.
     */
    public CompletableFuture<Optional<List<Message>>> finish(String body, Optional<String> footer) {
        List<String> chunks = MessageChunker.withFooter(MessageChunker.split(body), footer.orElse(""),
                MessageChunker.DISCORD_LIMIT);
        return close().thenCompose(ignored -> {
            if (posted.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<List<Message>>empty());
            }
            if (broken || chunks.isEmpty()) {
                return deleteAll().thenApply(done -> Optional.<List<Message>>empty());
            }
            return sync(chunks).thenApply(done -> Optional.of(List.copyOf(posted)))
                    .exceptionallyCompose(error -> {
                        LOG.warn("streamed reply in channel {} not finished by editing ({}); posting it again",
                                target.getId(), error.toString());
                        return deleteAll().thenApply(done -> Optional.<List<Message>>empty());
                    });
        });
    }

    /** Ends the stream and deletes whatever it showed (e.g. the thinking block must come first). */
    public CompletableFuture<Void> discard() {
        return close().thenCompose(ignored -> deleteAll());
    }

    /** Whether any message of this stream is on Discord. */
    public boolean shownAny() {
        return !posted.isEmpty();
    }

    private synchronized CompletableFuture<Void> close() {
        closed = true;
        return writes;
    }

    /** Queues one coalesced write when there is something new to show and none is waiting already. */
    private void schedule() {
        if (!begun || closed || pending || broken) {
            return;
        }
        if (!started && !SENTENCE_READY.matcher(visible).find()) {
            return;
        }
        started = true;
        pending = true;
        writes = writes.thenCompose(ignored -> showLatest()).exceptionally(error -> {
            broken = true; // the final delivery puts things right
            LOG.warn("edit-streaming in channel {} stopped: {}", target.getId(), error.toString());
            return null;
        });
    }

    /** Shows the text as it is now, after the gap; a later change queues the next write. */
    private CompletableFuture<Void> showLatest() {
        return gap().thenCompose(ignored -> {
            String text;
            synchronized (this) {
                pending = false;
                if (closed) {
                    return CompletableFuture.completedFuture(null);
                }
                text = visible.toString();
            }
            return sync(MessageChunker.split(text));
        });
    }

    /** Waits until {@link #EDIT_GAP} has passed since the previous write finished. */
    private CompletableFuture<Void> gap() {
        long last = lastWriteDone;
        long wait = last == Long.MIN_VALUE ? 0 : last + EDIT_GAP.toNanos() - nanos.getAsLong();
        if (wait <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> waited = new CompletableFuture<>();
        delays.after(Duration.ofNanos(wait), () -> waited.complete(null));
        return waited;
    }

    /** Makes the posted messages {@code chunks}: edits what differs, posts what is missing, deletes the surplus. */
    private CompletableFuture<Void> sync(List<String> chunks) {
        boolean same = chunks.size() == shown.size() && chunks.equals(shown);
        if (same) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> chain = gap();
        for (int i = 0; i < chunks.size(); i++) {
            int index = i;
            String chunk = chunks.get(i);
            if (index < posted.size()) {
                if (!chunk.equals(shown.get(index))) {
                    chain = chain.thenCompose(ignored -> edit(posted.get(index), chunk))
                            .thenRun(() -> shown.set(index, chunk));
                }
            } else {
                chain = chain.thenCompose(ignored -> poster.sendThroughWebhook(parent, target, card, chunk))
                        .thenAccept(message -> {
                            posted.add(message);
                            shown.add(chunk);
                        });
            }
        }
        chain = chain.thenCompose(ignored -> deleteFrom(chunks.size()));
        return chain.whenComplete((ok, error) -> lastWriteDone = nanos.getAsLong());
    }

    private CompletableFuture<Void> edit(Message message, String content) {
        return poster.webhookClient(parent).thenCompose(client -> {
            var action = client.editMessageById(message.getId(), content).setAllowedMentions(ALLOWED_MENTIONS);
            if (target instanceof ThreadChannel thread) {
                action.setThreadId(thread.getIdLong());
            }
            return action.submit();
        }).thenAccept(edited -> { });
    }

    private CompletableFuture<Void> deleteAll() {
        return deleteFrom(0);
    }

    /** Deletes the posted messages from {@code index} on, newest first. */
    private CompletableFuture<Void> deleteFrom(int index) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = posted.size() - 1; i >= index; i--) {
            Message message = posted.get(i);
            int at = i;
            chain = chain.thenCompose(ignored -> poster.webhookClient(parent).thenCompose(client -> {
                var action = client.deleteMessageById(message.getId());
                if (target instanceof ThreadChannel thread) {
                    action.setThreadId(thread.getIdLong());
                }
                return action.submit();
            }).handle((ok, error) -> {
                if (error != null) {
                    // gone already, or Discord refused: nothing more to do for this one
                    LOG.debug("streamed message {} not deleted: {}", message.getId(), error.toString());
                }
                posted.remove(at);
                shown.remove(at);
                return null;
            }));
        }
        return chain;
    }
}
