package io.tzurot.discord.proxy;

import io.tzurot.discord.delivery.Delays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PluralKit's delete-and-repost, handled once and as the human's. A person's server message waits the grace period
 * and is dropped if it was deleted meanwhile (PluralKit deletes the original within about a second), so only the
 * repost is answered. A webhook message is answered only when PluralKit names its human sender; the bot's own
 * characters' posts are never looked up.
 */
public final class PluralKitProxies implements EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(PluralKitProxies.class);
    private static final int REMEMBERED_DELETIONS = 5000;

    private final PluralKitSettings settings;
    private final PluralKitClient client;
    private final Delays delays;
    private final Set<String> deleted = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_DELETIONS;
        }
    });

    public PluralKitProxies(PluralKitSettings settings, Delays delays) {
        this.settings = settings;
        this.client = new PluralKitClient(settings.baseUrl());
        this.delays = delays;
    }

    @Override
    public void onEvent(GenericEvent event) {
        if (event instanceof MessageDeleteEvent deletion) {
            synchronized (deleted) {
                deleted.add(deletion.getMessageId());
            }
        } else if (event instanceof MessageBulkDeleteEvent bulk) {
            synchronized (deleted) {
                deleted.addAll(bulk.getMessageIds());
            }
        }
    }

    /**
     * Hands a person's message to {@code handle} after the grace period, unless it was deleted meanwhile (a message
     * PluralKit replaced); direct messages, which PluralKit does not proxy, go at once.
     */
    public void unlessReplaced(Message message, Consumer<Message> handle) {
        if (!message.isFromGuild() || settings.grace().isZero()) {
            handle.accept(message);
            return;
        }
        delays.after(settings.grace(), () -> {
            boolean gone;
            synchronized (deleted) {
                gone = deleted.contains(message.getId());
            }
            if (gone) {
                LOG.debug("message {} was deleted within the grace period (a proxy trigger); ignored", message.getId());
            } else {
                handle.accept(message);
            }
        });
    }

    /**
     * Hands a webhook message to {@code handle} as its human author's when PluralKit proxied it; ignores it (logged)
     * when PluralKit does not know it or cannot say.
     */
    public void ifProxied(Message message, Consumer<Message> handle) {
        long self = message.getJDA().getSelfUser().getIdLong();
        if (!message.isFromGuild() || message.getApplicationIdLong() == self) {
            return; // the bot's own characters: never looked up
        }
        client.lookup(message.getId()).thenCompose(found -> found.map(author -> message.getJDA()
                .retrieveUserById(author.senderId()).submit()
                .thenApply(human -> Optional.of(ProxiedMessage.of(message, human, author))))
                .orElseGet(() -> java.util.concurrent.CompletableFuture.completedFuture(Optional.empty())))
                .whenComplete((proxied, error) -> {
                    if (error != null) {
                        LOG.warn("author of proxied message {} not found ({}); ignored", message.getId(),
                                error.getClass().getSimpleName());
                    } else if (proxied.isEmpty()) {
                        LOG.debug("webhook message {} is not PluralKit's; ignored", message.getId());
                    } else {
                        handle.accept(proxied.get());
                    }
                });
    }
}
