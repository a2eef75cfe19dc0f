package io.tzurot.testkit.discord.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.service.ApiError;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;

/** {@code guilds/...}: the guild, its members, roles, channels and webhooks. */
final class GuildRoutes {

    private final RestDeps deps;

    GuildRoutes(RestDeps deps) {
        this.deps = deps;
    }

    void register(Javalin app, String base) {
        app.get(base + "guilds/{guild}", ctx -> {
            SimGuild guild = guild(Rest.id(ctx, "guild"));
            ObjectNode json = Json.object().put("id", Json.id(guild.id())).put("name", guild.name())
                    .put("owner_id", Json.id(guild.ownerId())).put("nsfw_level", guild.nsfwLevel())
                    .put("afk_timeout", 300);
            ArrayNode roles = json.putArray("roles");
            deps.store().roles(guild.id()).forEach(r -> roles.add(deps.entities().role(r)));
            Rest.json(ctx, json);
        });
        app.get(base + "guilds/{guild}/members/{user}", ctx -> {
            SimGuild guild = guild(Rest.id(ctx, "guild"));
            Rest.json(ctx, deps.entities().member(deps.store().member(guild.id(), Rest.id(ctx, "user"))
                    .orElseThrow(ApiError::unknownMember), true));
        });
        app.get(base + "guilds/{guild}/roles", ctx -> {
            ArrayNode roles = Json.array();
            deps.store().roles(guild(Rest.id(ctx, "guild")).id()).forEach(r -> roles.add(deps.entities().role(r)));
            Rest.json(ctx, roles);
        });
        app.get(base + "guilds/{guild}/channels", ctx -> {
            ArrayNode channels = Json.array();
            deps.store().channels(guild(Rest.id(ctx, "guild")).id()).stream()
                    .filter(SimTextChannel.class::isInstance)
                    .forEach(c -> channels.add(deps.entities().channel(c)));
            Rest.json(ctx, channels);
        });
        app.get(base + "guilds/{guild}/webhooks", ctx -> {
            SimGuild guild = guild(Rest.id(ctx, "guild"));
            long guildPermissions = deps.store().member(guild.id(), deps.self().id())
                    .map(m -> Permissions.guildPermissions(guild, m, deps.store().roles(guild.id()))).orElse(0L);
            if (!Permissions.has(guildPermissions, Permissions.MANAGE_WEBHOOKS)) {
                throw ApiError.missingPermissions();
            }
            ArrayNode hooks = Json.array();
            deps.store().webhooksOfGuild(guild.id()).forEach(w -> hooks.add(deps.entities().webhook(w, deps.self().id())));
            Rest.json(ctx, hooks);
        });
    }

    /** The bot only sees guilds it is a member of. */
    private SimGuild guild(long id) {
        return deps.store().guild(id).filter(g -> deps.store().member(id, deps.self().id()).isPresent())
                .orElseThrow(ApiError::unknownGuild);
    }
}
