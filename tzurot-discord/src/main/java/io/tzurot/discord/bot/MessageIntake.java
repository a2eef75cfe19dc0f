package io.tzurot.discord.bot;

import io.tzurot.discord.proxy.PluralKitProxies;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * The gateway's messages that may be answered: plain messages and replies by people, and (with PluralKit on) its
 * reposts as their human author's, after the grace wait that lets PluralKit replace a person's message.
 */
final class MessageIntake implements EventListener {

    private static final Set<MessageType> HANDLED = Set.of(MessageType.DEFAULT, MessageType.INLINE_REPLY);

    private final Optional<PluralKitProxies> proxies;
    private final Consumer<Message> handle;

    MessageIntake(Optional<PluralKitProxies> proxies, Consumer<Message> handle) {
        this.proxies = Objects.requireNonNull(proxies, "proxies");
        this.handle = Objects.requireNonNull(handle, "handle");
    }

    @Override
    public void onEvent(GenericEvent event) {
        if (event instanceof MessageReceivedEvent received) {
            accept(received.getMessage());
        }
    }

    private void accept(Message message) {
        if (!HANDLED.contains(message.getType()) || message.getAuthor().isSystem()) {
            return;
        }
        // bots include every webhook: our own characters, other bots and proxies; with PluralKit on, its reposts
        // are handled as their human author's, and a person's message waits to see whether PluralKit replaces it
        if (message.isWebhookMessage()) {
            proxies.ifPresent(p -> p.ifProxied(message, handle));
            return;
        }
        if (message.getAuthor().isBot()) {
            return;
        }
        if (proxies.isPresent()) {
            proxies.get().unlessReplaced(message, handle);
        } else {
            handle.accept(message);
        }
    }
}
