package io.tzurot.testkit.discord.rest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.service.ApiError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord REST API v10 on a Javalin app: bot-token authentication, Discord-shaped errors, and a logged 404
 * for every route the simulator does not model, so a missing route is never a silent failure.
 */
public final class RestApi {

    /** The path JDA's {@code RestConfig#setBaseUrl} must point at. */
    public static final String BASE_PATH = "/api/v10/";

    private static final String DISCORD_ERROR = "tzurot.discordError";
    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

    private final RestDeps deps;
    private final byte[] authorization;

    public RestApi(RestDeps deps, String botToken) {
        this.deps = deps;
        this.authorization = ("Bot " + botToken).getBytes(StandardCharsets.UTF_8);
    }

    public void install(Javalin app) {
        app.before(BASE_PATH + "*", this::authenticate);
        new UserRoutes(deps).register(app, BASE_PATH);
        new GuildRoutes(deps).register(app, BASE_PATH);
        new ChannelRoutes(deps).register(app, BASE_PATH);
        new MessageRoutes(deps).register(app, BASE_PATH);
        new WebhookRoutes(deps).register(app, BASE_PATH);
        new ReactionRoutes(deps).register(app, BASE_PATH);
        new ApplicationRoutes(deps).register(app, BASE_PATH);
        new AttachmentRoutes(deps).register(app);
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, 50035,
                "Invalid Form Body: " + e.getMessage()));
        app.error(404, ctx -> {
            if (ctx.attribute(DISCORD_ERROR) == null) {
                LOG.warn("UNHANDLED {} {}", ctx.method(), ctx.path());
                error(ctx, 404, 0, "404: Not Found");
            }
        });
    }

    /**
     * Webhook execution and interaction callbacks authenticate by the token in the path; everything else needs
     * {@code Authorization: Bot <token>}. JDA sends the header everywhere, so a wrong one is always refused.
     */
    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        boolean tokenInPath = ctx.path().matches(BASE_PATH + "(webhooks/\\d+/[^/]+|interactions/\\d+/[^/]+).*");
        if (header == null && tokenInPath) {
            return;
        }
        if (header == null || !MessageDigest.isEqual(authorization, header.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, 0, "401: Unauthorized");
        }
    }

    private static void error(Context ctx, int status, int code, String message) {
        ctx.attribute(DISCORD_ERROR, Boolean.TRUE);
        ctx.status(status).contentType("application/json")
                .result(Json.write(Json.object().put("message", message).put("code", code)));
    }
}
