package io.tzurot.testkit.discord.rest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.service.ApiError;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code channels/{id}/messages/{id}/reactions/...}: the bot adds and removes its own reactions (Add Reactions) and
 * removes another user's (Manage Messages). Each change reaches the gateway as Discord sends it.
 */
final class ReactionRoutes {

    private final RestDeps deps;

    ReactionRoutes(RestDeps deps) {
        this.deps = deps;
    }

    void register(Javalin app, String base) {
        String reactions = base + "channels/{channel}/messages/{message}/reactions/{emoji}/{user}";
        app.put(reactions, ctx -> {
            if (!"@me".equals(ctx.pathParam("user"))) {
                throw new ApiError(405, 0, "405: Method Not Allowed");
            }
            SimChannel channel = Rest.channel(deps.store(), Rest.id(ctx, "channel"));
            Rest.requireBot(deps, channel, Permissions.ADD_REACTIONS | Permissions.READ_MESSAGE_HISTORY);
            SimMessage message = message(ctx, channel);
            String emoji = emoji(ctx);
            if (deps.store().reactions().add(message.id(), emoji, deps.self().id())) {
                deps.events().reactionAdded(message, deps.self().id(), emoji);
            }
            deps.activity().record(new BotActivity.Reacted(channel.id(), message.id(), emoji, deps.self().id(), true));
            Rest.noContent(ctx);
        });
        app.delete(reactions, ctx -> {
            SimChannel channel = Rest.channel(deps.store(), Rest.id(ctx, "channel"));
            boolean own = "@me".equals(ctx.pathParam("user"));
            long user = own ? deps.self().id() : Rest.id(ctx, "user");
            if (!own) {
                Rest.requireBot(deps, channel, Permissions.MANAGE_MESSAGES);
            }
            SimMessage message = message(ctx, channel);
            String emoji = emoji(ctx);
            if (deps.store().reactions().remove(message.id(), emoji, user)) {
                deps.events().reactionRemoved(message, user, emoji);
            }
            deps.activity().record(new BotActivity.Reacted(channel.id(), message.id(), emoji, user, false));
            Rest.noContent(ctx);
        });
    }

    private SimMessage message(Context ctx, SimChannel channel) {
        return deps.store().message(channel.id(), Rest.id(ctx, "message")).orElseThrow(ApiError::unknownMessage);
    }

    /** The emoji as sent (URL-encoded unicode); custom emoji ({@code name:id}) are kept as written. */
    private static String emoji(Context ctx) {
        String raw = ctx.pathParam("emoji");
        String emoji = raw.contains("%") ? URLDecoder.decode(raw, StandardCharsets.UTF_8) : raw;
        if (emoji.isBlank()) {
            throw new ApiError(400, 10014, "Unknown Emoji");
        }
        return emoji;
    }
}
