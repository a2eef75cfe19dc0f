package io.tzurot.discord.delivery;

import io.tzurot.core.discord.DeliveredMessage;
import io.tzurot.core.discord.DeliveredMessageRepository;
import io.tzurot.core.discord.MessageChunker;
import io.tzurot.core.reply.ReplyOutcome.PersonalityCard;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import net.dv8tion.jda.api.entities.IncomingWebhookClient;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IWebhookContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a character's words: through the channel's webhook with the character's name and avatar in server
 * channels and threads, as the bot with a {@code **Name:**} prefix elsewhere (DMs). Text is chunked at
 * Discord's limit with the footer after the last chunk, and every posted message is recorded so a reply to
 * it reaches the same character.
 */
public final class ReplyPoster {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyPoster.class);
    /** Characters may mention users; never @everyone or roles. */
    private static final EnumSet<Message.MentionType> ALLOWED_MENTIONS = EnumSet.of(Message.MentionType.USER);

    private final WebhookClients webhooks = new WebhookClients();
    private final DeliveredMessageRepository delivered;
    private final Function<PersonalityCard, Optional<String>> avatarUrls;
    private final Executor blocking;

    /**
     * @param avatarUrls a character's public avatar URL (with its cache-buster), empty when there is none
     * @param blocking where database writes run (never the HTTP callback threads)
     */
    public ReplyPoster(DeliveredMessageRepository delivered, Function<PersonalityCard, Optional<String>> avatarUrls,
                       Executor blocking) {
        this.delivered = Objects.requireNonNull(delivered, "delivered");
        this.avatarUrls = Objects.requireNonNull(avatarUrls, "avatarUrls");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    /** Posts {@code body} (and {@code footer}, when given) as {@code card} in the trigger's channel. */
    public CompletableFuture<List<Message>> post(Message trigger, PersonalityCard card, String body, Optional<String> footer) {
        MessageChannel channel = trigger.getChannel();
        Optional<IWebhookContainer> webhookChannel = webhookChannel(channel);
        if (webhookChannel.isPresent()) {
            List<String> chunks = MessageChunker.withFooter(MessageChunker.split(body), footer.orElse(""),
                    MessageChunker.DISCORD_LIMIT);
            return viaWebhook(webhookChannel.get(), channel, card, chunks)
                    .exceptionallyCompose(error -> {
                        LOG.warn("webhook delivery in channel {} failed, posting as the bot: {}", channel.getId(),
                                rootMessage(error));
                        return asBot(channel, card, body, footer);
                    });
        }
        return asBot(channel, card, body, footer);
    }

    /** Posts the bot's own words as a reply to the trigger (help, notices, errors with no character). */
    public CompletableFuture<List<Message>> answer(Message trigger, String text) {
        CompletableFuture<List<Message>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (String chunk : MessageChunker.split(text)) {
            chain = chain.thenCompose(sent -> trigger.reply(chunk).mentionRepliedUser(false)
                    .setAllowedMentions(ALLOWED_MENTIONS).submit().thenApply(m -> append(sent, m)));
        }
        return chain;
    }

    private CompletableFuture<List<Message>> asBot(MessageChannel channel, PersonalityCard card, String body,
                                                   Optional<String> footer) {
        List<String> chunks = MessageChunker.withFooter(MessageChunker.split("**" + card.displayName() + ":** " + body),
                footer.orElse(""), MessageChunker.DISCORD_LIMIT);
        return sequentially(chunks, chunk -> channel.sendMessage(chunk).setAllowedMentions(ALLOWED_MENTIONS).submit(),
                card, channel.getId());
    }

    private CompletableFuture<List<Message>> viaWebhook(IWebhookContainer parent, MessageChannel target,
                                                        PersonalityCard card, List<String> chunks) {
        String username = WebhookNames.of(card.displayName(), target.getJDA().getSelfUser().getName());
        Optional<String> avatar = avatarUrls.apply(card);
        Optional<Long> threadId = target instanceof ThreadChannel thread ? Optional.of(thread.getIdLong()) : Optional.empty();
        return sequentially(chunks, chunk -> sendOnce(parent, chunk, username, avatar, threadId, true), card,
                target.getId());
    }

    private CompletableFuture<Message> sendOnce(IWebhookContainer parent, String chunk, String username,
                                                Optional<String> avatar, Optional<Long> threadId, boolean retry) {
        CompletableFuture<IncomingWebhookClient> client = webhooks.forChannel(parent);
        return client.thenCompose(c -> {
            var action = c.sendMessage(chunk).setUsername(username).setAllowedMentions(ALLOWED_MENTIONS);
            avatar.ifPresent(action::setAvatarUrl);
            threadId.ifPresent(action::setThreadId);
            return action.submit();
        }).exceptionallyCompose(error -> {
            if (retry && root(error) instanceof ErrorResponseException e && e.getErrorResponse() == ErrorResponse.UNKNOWN_WEBHOOK) {
                webhooks.forget(parent.getIdLong(), client);
                return sendOnce(parent, chunk, username, avatar, threadId, false);
            }
            return CompletableFuture.failedFuture(error);
        });
    }

    /** Sends the chunks one after another (so they arrive in order), recording each as it lands. */
    private CompletableFuture<List<Message>> sequentially(List<String> chunks,
                                                         Function<String, CompletableFuture<Message>> send,
                                                         PersonalityCard card, String channelId) {
        CompletableFuture<List<Message>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (String chunk : chunks) {
            chain = chain.thenCompose(sent -> send.apply(chunk)
                    .thenApplyAsync(message -> {
                        delivered.record(new DeliveredMessage(message.getId(), card.id(), channelId,
                                message.getTimeCreated().toInstant()));
                        return append(sent, message);
                    }, blocking));
        }
        return chain;
    }

    /**
     * Sends one chunk through {@code parent}'s webhook into {@code target} as {@code card}, recorded like every posted
     * message (for {@link EditStream}).
     */
    CompletableFuture<Message> sendThroughWebhook(IWebhookContainer parent, MessageChannel target, PersonalityCard card,
                                                  String chunk) {
        return viaWebhook(parent, target, card, List.of(chunk)).thenApply(sent -> sent.get(0));
    }

    /** The bot's webhook client in {@code parent} (for editing and deleting its messages). */
    CompletableFuture<IncomingWebhookClient> webhookClient(IWebhookContainer parent) {
        return webhooks.forChannel(parent);
    }

    /** The channel whose webhook posts into {@code channel} (a thread's parent), if it has one. */
    static Optional<IWebhookContainer> webhookChannel(MessageChannel channel) {
        if (channel instanceof ThreadChannel thread) {
            return thread.getParentChannel() instanceof IWebhookContainer parent ? Optional.of(parent) : Optional.empty();
        }
        return channel instanceof IWebhookContainer container && channel.getType().isGuild()
                ? Optional.of(container) : Optional.empty();
    }

    private static List<Message> append(List<Message> sent, Message message) {
        sent.add(message);
        return sent;
    }

    private static Throwable root(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootMessage(Throwable error) {
        return root(error).getClass().getSimpleName() + ": " + root(error).getMessage();
    }
}
