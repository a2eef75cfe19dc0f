package io.tzurot.discord.bot;

import io.tzurot.core.limits.RateLimiting;
import io.tzurot.discord.delivery.ReplyPoster;
import io.tzurot.discord.trigger.BotTexts;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message guards applied to a message before it is answered (when the gateway shares them with others): whether
 * this process claims it, and whether its author may have another reply now.
 */
final class MessageAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(MessageAdmission.class);
    private static final Supplier<CompletableFuture<Void>> NOTHING = () -> CompletableFuture.completedFuture(null);

    private final Optional<MessageGuards> guards;
    private final ReplyPoster poster;

    MessageAdmission(Optional<MessageGuards> guards, ReplyPoster poster) {
        this.guards = Objects.requireNonNull(guards, "guards");
        this.poster = Objects.requireNonNull(poster, "poster");
    }

    /** True when this process is the one to handle the message (always, without guards). */
    boolean claimed(Message message) {
        if (guards.isEmpty()) {
            return true;
        }
        try {
            return guards.get().claims().claim("discord", message.getId());
        } catch (RuntimeException e) {
            // a key store outage must not silence the bot: answering twice is the lesser harm
            LOG.warn("message {} not claimed ({}); handling it here", message.getId(), e.getMessage());
            return true;
        }
    }

    /**
     * Empty when the author may have another reply; otherwise what to do instead: tell them once per wait, then
     * drop their messages until a token is back (nothing is queued for later).
     */
    Optional<Supplier<CompletableFuture<Void>>> overLimit(Message message) {
        if (guards.isEmpty()) {
            return Optional.empty();
        }
        RateLimiting.Decision decision;
        try {
            decision = guards.get().limits().take(RateLimiting.Kind.REPLY, message.getAuthor().getId());
        } catch (RuntimeException e) {
            LOG.warn("rate limit of message {} not checked ({}); answering it", message.getId(), e.getMessage());
            return Optional.empty();
        }
        if (!(decision instanceof RateLimiting.Decision.Limited limited)) {
            return Optional.empty();
        }
        if (!limited.tellUser()) {
            LOG.debug("message {} dropped: its author is over the reply rate limit and was told", message.getId());
            return Optional.of(NOTHING);
        }
        return Optional.of(() -> poster.answer(message, BotTexts.rateLimited(limited.retryAfter())).thenAccept(sent -> { }));
    }
}
