package io.tzurot.testkit.discord.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.service.ApiError;
import io.tzurot.testkit.discord.state.SimDmChannel;
import io.tzurot.testkit.discord.state.SimUser;

/**
 * {@code users/...}: the bot's own user (JDA's token check), other users, opening DMs and leaving guilds; and
 * {@code stickers/{id}} (a sticker's name and description).
 */
final class UserRoutes {

    private final RestDeps deps;

    UserRoutes(RestDeps deps) {
        this.deps = deps;
    }

    void register(Javalin app, String base) {
        app.get(base + "users/@me", ctx -> Rest.json(ctx, deps.entities().user(deps.self())
                .put("verified", true).put("mfa_enabled", false).put("flags", 0)));
        app.get(base + "users/@me/guilds", ctx -> {
            ArrayNode guilds = Json.array();
            deps.store().guilds().stream().filter(g -> deps.store().member(g.id(), deps.self().id()).isPresent())
                    .forEach(g -> guilds.addObject().put("id", Json.id(g.id())).put("name", g.name())
                            .put("owner", g.ownerId() == deps.self().id()).put("permissions", "0"));
            Rest.json(ctx, guilds);
        });
        app.delete(base + "users/@me/guilds/{guild}", ctx -> {
            long guild = Rest.id(ctx, "guild");
            if (!deps.store().removeMember(guild, deps.self().id())) {
                throw ApiError.unknownGuild();
            }
            deps.activity().record(new io.tzurot.testkit.discord.activity.BotActivity.LeftGuild(guild));
            deps.events().guildLeft(guild);
            ctx.status(204);
        });
        app.get(base + "stickers/{sticker}", ctx -> {
            var sticker = deps.store().sticker(Rest.id(ctx, "sticker"))
                    .orElseThrow(() -> new ApiError(404, 10060, "Unknown Sticker"));
            Rest.json(ctx, Json.object().put("id", Json.id(sticker.id())).put("name", sticker.name())
                    .put("description", sticker.description()).put("tags", "").put("type", 2).put("format_type", 1)
                    .put("available", true));
        });
        app.post(base + "users/@me/channels", ctx -> {
            long recipient = Json.snowflake(Rest.body(ctx), "recipient_id");
            SimUser user = deps.store().user(recipient).orElseThrow(ApiError::unknownUser);
            SimDmChannel dm = deps.store().dmWith(user.id()).orElseGet(() -> {
                SimDmChannel created = new SimDmChannel(deps.store().nextId(), user.id());
                deps.store().put(created);
                return created;
            });
            Rest.json(ctx, deps.entities().channel(dm));
        });
        app.get(base + "users/{user}", ctx -> Rest.json(ctx, deps.entities().user(
                deps.store().user(Rest.id(ctx, "user")).orElseThrow(ApiError::unknownUser))));
    }
}
