package io.tzurot.testkit.discord.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.testkit.discord.service.ApiError;
import io.tzurot.testkit.discord.service.MessageEdit;
import io.tzurot.testkit.discord.state.MessageAuthor;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimThreadChannel;
import io.tzurot.testkit.discord.state.SimWebhook;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code webhooks/...}: managing webhooks, executing them with a per-message username and avatar (optionally
 * into a thread of the webhook's channel), and editing or deleting their messages. The application id in place
 * of a webhook id addresses an interaction's follow-up webhook.
 */
final class WebhookRoutes {

    private final RestDeps deps;

    WebhookRoutes(RestDeps deps) {
        this.deps = deps;
    }

    void register(Javalin app, String base) {
        String hook = base + "webhooks/{webhook}";
        app.get(hook, ctx -> Rest.json(ctx, deps.entities().webhook(managed(ctx), deps.self().id())));
        app.delete(hook, ctx -> {
            SimWebhook webhook = managed(ctx);
            deps.store().removeWebhook(webhook.id());
            deps.events().webhooksUpdated(webhook.guildId(), webhook.channelId());
            Rest.noContent(ctx);
        });
        app.get(hook + "/{token}", ctx -> {
            ObjectNode json = deps.entities().webhook(byToken(ctx), deps.self().id());
            json.remove("user");
            Rest.json(ctx, json);
        });
        app.post(hook + "/{token}", this::execute);
        app.get(hook + "/{token}/messages/{message}", ctx -> Rest.json(ctx,
                deps.messageJson().message(ownMessage(ctx, byToken(ctx)))));
        app.patch(hook + "/{token}/messages/{message}", this::edit);
        app.delete(hook + "/{token}/messages/{message}", ctx -> {
            SimMessage message = ownMessage(ctx, byToken(ctx));
            deps.messages().delete(message.channelId(), message.id(), true);
            Rest.noContent(ctx);
        });
    }

    private void execute(Context ctx) {
        MessageBodies.Parsed parsed = MessageBodies.parse(ctx, deps.store());
        if (Rest.id(ctx, "webhook") == deps.self().id()) {
            reply(ctx, deps.interactions().followUp(ctx.pathParam("token"), parsed.payload(), parsed.draft()));
            return;
        }
        SimWebhook webhook = byToken(ctx);
        long channelId = targetChannel(ctx, webhook);
        JsonNode payload = parsed.payload();
        String username = payload.hasNonNull("username") ? payload.get("username").asText() : webhook.name();
        ChannelRoutes.validateWebhookName(username);
        String avatarUrl = payload.hasNonNull("avatar_url") ? payload.get("avatar_url").asText() : null;
        SimMessage message = deps.messages().post(channelId,
                new MessageAuthor.Webhook(webhook.id(), username, avatarUrl), parsed.draft());
        reply(ctx, message);
    }

    private void edit(Context ctx) {
        MessageBodies.Parsed parsed = MessageBodies.parse(ctx, deps.store());
        if (Rest.id(ctx, "webhook") == deps.self().id() && "@original".equals(ctx.pathParam("message"))) {
            Rest.json(ctx, deps.messageJson().message(
                    deps.interactions().editOriginal(ctx.pathParam("token"), parsed.payload(), parsed.draft())));
            return;
        }
        if (Rest.id(ctx, "webhook") == deps.self().id()) {
            Rest.json(ctx, deps.messageJson().message(deps.interactions().editFollowUp(ctx.pathParam("token"),
                    Rest.id(ctx, "message"), parsed.payload())));
            return;
        }
        SimMessage message = ownMessage(ctx, byToken(ctx));
        JsonNode payload = parsed.payload();
        SimMessage edited = deps.messages().edit(message.channelId(), message.id(), MessageEdit.fromPayload(payload));
        Rest.json(ctx, deps.messageJson().message(edited));
    }

    /** Without {@code wait=true} Discord answers 204 and no message. */
    private void reply(Context ctx, SimMessage message) {
        if ("true".equalsIgnoreCase(ctx.queryParam("wait"))) {
            Rest.json(ctx, deps.messageJson().message(message));
        } else {
            Rest.noContent(ctx);
        }
    }

    /** {@code thread_id} must name a thread under the webhook's own channel. */
    private long targetChannel(Context ctx, SimWebhook webhook) {
        String threadParam = ctx.queryParam("thread_id");
        if (threadParam == null) {
            return webhook.channelId();
        }
        long threadId;
        try {
            threadId = Long.parseUnsignedLong(threadParam);
        } catch (NumberFormatException e) {
            throw ApiError.invalidForm("thread_id: Value \"" + threadParam + "\" is not snowflake.");
        }
        SimChannel thread = deps.store().channel(threadId).orElseThrow(ApiError::unknownChannel);
        if (!(thread instanceof SimThreadChannel t) || t.parentId() != webhook.channelId()) {
            throw ApiError.unknownChannel();
        }
        if (t.archived()) {
            throw new ApiError(400, 50083, "Thread is archived");
        }
        return threadId;
    }

    private SimMessage ownMessage(Context ctx, SimWebhook webhook) {
        long messageId = Rest.id(ctx, "message");
        long channelId = Optional.ofNullable(ctx.queryParam("thread_id")).map(Long::parseUnsignedLong)
                .orElse(webhook.channelId());
        SimMessage message = deps.store().message(channelId, messageId).orElseThrow(ApiError::unknownMessage);
        if (!(message.author() instanceof MessageAuthor.Webhook w) || w.webhookId() != webhook.id()) {
            throw ApiError.unknownMessage();
        }
        return message;
    }

    private SimWebhook byToken(Context ctx) {
        SimWebhook webhook = deps.store().webhook(Rest.id(ctx, "webhook")).orElseThrow(ApiError::unknownWebhook);
        byte[] expected = webhook.token().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, ctx.pathParam("token").getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, 50027, "Invalid Webhook Token");
        }
        return webhook;
    }

    private SimWebhook managed(Context ctx) {
        SimWebhook webhook = deps.store().webhook(Rest.id(ctx, "webhook")).orElseThrow(ApiError::unknownWebhook);
        Rest.requireBot(deps, Rest.channel(deps.store(), webhook.channelId()), Permissions.MANAGE_WEBHOOKS);
        return webhook;
    }
}
