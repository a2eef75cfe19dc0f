package io.tzurot.testkit.discord.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.service.ApiError;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimWebhook;
import java.security.SecureRandom;
import java.util.Base64;

/** {@code channels/{id}}: the channel itself, typing, and the channel's webhooks. */
final class ChannelRoutes {

    private static final int MAX_WEBHOOK_NAME = 80;

    private final RestDeps deps;
    private final SecureRandom random = new SecureRandom();

    ChannelRoutes(RestDeps deps) {
        this.deps = deps;
    }

    void register(Javalin app, String base) {
        app.get(base + "channels/{channel}", ctx -> {
            SimChannel channel = Rest.channel(deps.store(), Rest.id(ctx, "channel"));
            Rest.requireBot(deps, channel, Permissions.VIEW_CHANNEL);
            Rest.json(ctx, deps.entities().channel(channel));
        });
        app.post(base + "channels/{channel}/typing", ctx -> {
            SimChannel channel = Rest.channel(deps.store(), Rest.id(ctx, "channel"));
            Rest.requireBot(deps, channel, Rest.sendPermission(channel));
            deps.activity().record(new BotActivity.Typing(channel.id()));
            deps.events().typing(channel.id(), deps.self().id());
            Rest.noContent(ctx);
        });
        app.get(base + "channels/{channel}/webhooks", ctx -> {
            SimTextChannel channel = webhookChannel(Rest.id(ctx, "channel"));
            ArrayNode hooks = Json.array();
            deps.store().webhooksOfChannel(channel.id())
                    .forEach(w -> hooks.add(deps.entities().webhook(w, deps.self().id())));
            Rest.json(ctx, hooks);
        });
        app.post(base + "channels/{channel}/webhooks", ctx -> {
            SimTextChannel channel = webhookChannel(Rest.id(ctx, "channel"));
            JsonNode body = Rest.body(ctx);
            String name = body.path("name").asText("");
            validateWebhookName(name);
            SimWebhook webhook = new SimWebhook(deps.store().nextId(), channel.guildId(), channel.id(), name,
                    body.path("avatar").isTextual() ? body.path("avatar").asText() : null, newToken(),
                    deps.self().id());
            deps.store().put(webhook);
            deps.activity().record(new BotActivity.WebhookCreated(webhook));
            deps.events().webhooksUpdated(channel.guildId(), channel.id());
            Rest.json(ctx, deps.entities().webhook(webhook, deps.self().id()));
        });
    }

    /** Webhooks live on text channels only (threads use their parent's) and need MANAGE_WEBHOOKS. */
    private SimTextChannel webhookChannel(long channelId) {
        SimChannel channel = Rest.channel(deps.store(), channelId);
        if (!(channel instanceof SimTextChannel text)) {
            throw new ApiError(400, 50024, "Cannot execute action on this channel type");
        }
        Rest.requireBot(deps, text, Permissions.MANAGE_WEBHOOKS);
        return text;
    }

    /** Discord's rules for webhook names: 1-80 characters, and never "clyde" or "discord" inside. */
    static void validateWebhookName(String name) {
        if (name.isBlank() || name.length() > MAX_WEBHOOK_NAME) {
            throw ApiError.invalidForm("name: Must be between 1 and " + MAX_WEBHOOK_NAME + " in length.");
        }
        String lower = name.toLowerCase();
        if (lower.contains("clyde") || lower.contains("discord")) {
            throw ApiError.invalidForm("name: Username cannot contain \"clyde\" or \"discord\"");
        }
    }

    private String newToken() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
