package io.tzurot.testkit.discord.rest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.testkit.discord.service.ApiError;

/** {@code applications/...} and {@code interactions/...}: command registration and interaction callbacks. */
final class ApplicationRoutes {

    private final RestDeps deps;

    ApplicationRoutes(RestDeps deps) {
        this.deps = deps;
    }

    void register(Javalin app, String base) {
        app.put(base + "applications/{app}/commands", ctx -> {
            requireOwnApplication(ctx);
            Rest.json(ctx, deps.interactions().registerCommands(Rest.body(ctx)));
        });
        app.put(base + "applications/{app}/guilds/{guild}/commands", ctx -> {
            requireOwnApplication(ctx);
            Rest.json(ctx, deps.interactions().registerGuildCommands(Rest.id(ctx, "guild"), Rest.body(ctx)));
        });
        app.get(base + "applications/{app}/guilds/{guild}/commands", ctx -> {
            requireOwnApplication(ctx);
            Rest.json(ctx, deps.interactions().registeredGuildCommands(Rest.id(ctx, "guild")));
        });
        app.get(base + "applications/{app}/commands", ctx -> {
            requireOwnApplication(ctx);
            Rest.json(ctx, deps.interactions().registeredCommands());
        });
        app.post(base + "interactions/{interaction}/{token}/callback", ctx -> {
            deps.interactions().callback(Rest.id(ctx, "interaction"), ctx.pathParam("token"), Rest.body(ctx));
            Rest.noContent(ctx);
        });
    }

    private void requireOwnApplication(Context ctx) {
        if (Rest.id(ctx, "app") != deps.self().id()) {
            throw new ApiError(403, 50001, "Missing Access");
        }
    }
}
