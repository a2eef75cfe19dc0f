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
import java.util.concurrent.Executor;
import java.util.function.Function;
import net.dv8tion.jda.api.entities.IncomingWebhookClient;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IWebhookContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;

/**
 * Changes a character's posted reply in place (a regenerate or a swipe): each of its messages is edited to the new
 * text's chunk, chunks beyond the old count are posted after them, and messages left over are deleted. Webhook
 * messages are edited through the channel's webhook; the bot's own (DMs) directly, with the {@code **Name:**} prefix.
 */
public final class ReplyEditor {

    private static final EnumSet<Message.MentionType> ALLOWED_MENTIONS = EnumSet.of(Message.MentionType.USER);

    private final WebhookClients webhooks = new WebhookClients();
    private final DeliveredMessageRepository delivered;
    private final Function<PersonalityCard, Optional<String>> avatarUrls;
    private final Executor blocking;

    public ReplyEditor(DeliveredMessageRepository delivered, Function<PersonalityCard, Optional<String>> avatarUrls,
                       Executor blocking) {
        this.delivered = Objects.requireNonNull(delivered, "delivered");
        this.avatarUrls = Objects.requireNonNull(avatarUrls, "avatarUrls");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    /**
     * Shows {@code body} (and {@code footer}) in the reply's messages; completes with the ids it is now posted as.
     * {@code posted} is told those ids before any leftover message is deleted (so nothing that follows a deletion
     * mistakes the reply for gone).
     */
    public CompletableFuture<List<String>> replace(MessageChannel channel, PersonalityCard card, List<String> messageIds,
                                                   String body, Optional<String> footer,
                                                   Function<List<String>, CompletableFuture<?>> posted) {
        Optional<IWebhookContainer> hook = webhookChannel(channel);
        String shown = hook.isPresent() ? body : "**" + card.displayName() + ":** " + body;
        List<String> chunks = MessageChunker.withFooter(MessageChunker.split(shown), footer.orElse(""),
                MessageChunker.DISCORD_LIMIT);
        CompletableFuture<List<String>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (int i = 0; i < chunks.size(); i++) {
            int n = i;
            if (n < messageIds.size()) {
                chain = chain.thenCompose(ids -> edit(channel, hook, messageIds.get(n), chunks.get(n))
                        .thenApply(ok -> add(ids, messageIds.get(n))));
            } else {
                chain = chain.thenCompose(ids -> post(channel, hook, card, chunks.get(n))
                        .thenApplyAsync(message -> {
                            delivered.record(new DeliveredMessage(message.getId(), card.id(), channel.getId(),
                                    message.getTimeCreated().toInstant()));
                            return add(ids, message.getId());
                        }, blocking));
            }
        }
        chain = chain.thenCompose(ids -> posted.apply(List.copyOf(ids)).thenApply(ok -> ids));
        for (int i = chunks.size(); i < messageIds.size(); i++) {
            String leftover = messageIds.get(i);
            chain = chain.thenCompose(ids -> remove(channel, hook, leftover).thenApply(ok -> ids));
        }
        return chain;
    }

    /** Deletes the reply's messages, one after another. */
    public CompletableFuture<Void> delete(MessageChannel channel, List<String> messageIds) {
        Optional<IWebhookContainer> hook = webhookChannel(channel);
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String id : messageIds) {
            chain = chain.thenCompose(ok -> remove(channel, hook, id));
        }
        return chain;
    }

    private CompletableFuture<Void> edit(MessageChannel channel, Optional<IWebhookContainer> hook, String id, String text) {
        if (hook.isEmpty()) {
            return channel.editMessageById(id, text).setAllowedMentions(ALLOWED_MENTIONS).submit().thenApply(m -> null);
        }
        return webhooks.forChannel(hook.get()).thenCompose(client -> client.editMessageById(id, text)
                .setAllowedMentions(ALLOWED_MENTIONS).submit()).thenApply(m -> null);
    }

    private CompletableFuture<Message> post(MessageChannel channel, Optional<IWebhookContainer> hook,
                                            PersonalityCard card, String text) {
        if (hook.isEmpty()) {
            return channel.sendMessage(text).setAllowedMentions(ALLOWED_MENTIONS).submit();
        }
        String username = WebhookNames.of(card.displayName(), channel.getJDA().getSelfUser().getName());
        return webhooks.forChannel(hook.get()).thenCompose((IncomingWebhookClient client) -> {
            var action = client.sendMessage(text).setUsername(username).setAllowedMentions(ALLOWED_MENTIONS);
            avatarUrls.apply(card).ifPresent(action::setAvatarUrl);
            return action.submit();
        });
    }

    private CompletableFuture<Void> remove(MessageChannel channel, Optional<IWebhookContainer> hook, String id) {
        if (hook.isEmpty()) {
            return channel.deleteMessageById(id).submit();
        }
        return webhooks.forChannel(hook.get()).thenCompose(client -> client.deleteMessageById(id).submit());
    }

    /** Whether replies in {@code channel} can be changed: not in threads (JDA edits webhook messages of the parent only). */
    public static boolean supports(MessageChannel channel) {
        return !(channel instanceof ThreadChannel);
    }

    /** The channel whose webhook posted the reply; none in DMs, where the bot posted it. */
    private static Optional<IWebhookContainer> webhookChannel(MessageChannel channel) {
        return channel instanceof IWebhookContainer container && channel.getType().isGuild()
                ? Optional.of(container) : Optional.empty();
    }

    private static List<String> add(List<String> ids, String id) {
        ids.add(id);
        return ids;
    }
}
