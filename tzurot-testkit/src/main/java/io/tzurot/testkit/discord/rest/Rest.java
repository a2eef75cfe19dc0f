package io.tzurot.testkit.discord.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.service.ApiError;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimStore;

/** Small helpers the route classes share: JSON replies, path snowflakes, bodies and permission guards. */
final class Rest {

    private Rest() {
    }

    static void json(Context ctx, JsonNode body) {
        ctx.status(200).contentType("application/json").result(Json.write(body));
    }

    static void noContent(Context ctx) {
        ctx.status(204);
    }

    static long id(Context ctx, String pathParam) {
        String raw = ctx.pathParam(pathParam);
        try {
            return Long.parseUnsignedLong(raw);
        } catch (NumberFormatException e) {
            throw ApiError.invalidForm(pathParam + ": Value \"" + raw + "\" is not snowflake.");
        }
    }

    static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return Json.object();
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, 50109, "The request body contains invalid JSON.");
        }
    }

    static SimChannel channel(SimStore store, long channelId) {
        return store.channel(channelId).orElseThrow(ApiError::unknownChannel);
    }

    /**
     * The bot must see the channel and hold {@code required} there; DMs need no permissions. Missing VIEW_CHANNEL
     * is "Missing Access", anything else "Missing Permissions", as on Discord.
     */
    static void requireBot(RestDeps deps, SimChannel channel, long required) {
        if (channel.guild().isEmpty()) {
            return;
        }
        long granted = deps.store().permissionsIn(deps.self().id(), channel).orElseThrow(ApiError::missingAccess);
        if (!Permissions.has(granted, Permissions.VIEW_CHANNEL)) {
            throw ApiError.missingAccess();
        }
        if (!Permissions.has(granted, required)) {
            throw ApiError.missingPermissions();
        }
    }

    /** Sending needs SEND_MESSAGES in a channel and SEND_MESSAGES_IN_THREADS in a thread. */
    static long sendPermission(SimChannel channel) {
        return channel.typeCode() >= 10 ? Permissions.SEND_MESSAGES_IN_THREADS : Permissions.SEND_MESSAGES;
    }
}
