package io.tzurot.discord.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.entities.IncomingWebhookClient;
import net.dv8tion.jda.api.entities.Webhook;
import net.dv8tion.jda.api.entities.WebhookClient;
import net.dv8tion.jda.api.entities.channel.attribute.IWebhookContainer;

/**
 * One webhook per channel (a thread uses its parent's): the bot's own webhook is reused, or created as
 * {@value #WEBHOOK_NAME}. Clients are remembered, least recently used dropped beyond {@value #MAX_CACHED}.
 */
final class WebhookClients {

    static final String WEBHOOK_NAME = "Tzurot Personalities";
    private static final int MAX_CACHED = 100;

    private final Map<Long, CompletableFuture<IncomingWebhookClient>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CompletableFuture<IncomingWebhookClient>> eldest) {
            return size() > MAX_CACHED;
        }
    };

    /** The client of the bot's webhook in {@code channel}, found or created once and then remembered. */
    CompletableFuture<IncomingWebhookClient> forChannel(IWebhookContainer channel) {
        CompletableFuture<IncomingWebhookClient> client;
        synchronized (cache) {
            client = cache.computeIfAbsent(channel.getIdLong(), id -> lookUpOrCreate(channel));
        }
        client.whenComplete((ok, error) -> {
            if (error != null) {
                forget(channel.getIdLong(), client);
            }
        });
        return client;
    }

    /** Drops a remembered client (e.g. after Discord answered "unknown webhook": someone deleted it). */
    void forget(long channelId, CompletableFuture<IncomingWebhookClient> stale) {
        synchronized (cache) {
            cache.remove(channelId, stale);
        }
    }

    private static CompletableFuture<IncomingWebhookClient> lookUpOrCreate(IWebhookContainer channel) {
        long self = channel.getJDA().getSelfUser().getIdLong();
        return channel.retrieveWebhooks().submit().thenCompose(hooks -> {
            for (Webhook hook : hooks) {
                if (hook.getToken() != null && hook.getOwnerAsUser() != null && hook.getOwnerAsUser().getIdLong() == self) {
                    return CompletableFuture.completedFuture(hook);
                }
            }
            return channel.createWebhook(WEBHOOK_NAME).submit();
        }).thenApply(hook -> WebhookClient.createClient(channel.getJDA(), hook.getId(), hook.getToken()));
    }
}
