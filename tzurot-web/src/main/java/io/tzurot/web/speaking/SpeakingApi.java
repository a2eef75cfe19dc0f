package io.tzurot.web.speaking;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.speaking.ChoosingWhereCharactersSpeak;
import io.tzurot.core.speaking.SpeakingCaller;
import io.tzurot.core.speaking.SpeakingPolicy;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.JsonBody;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /api/v1/admin/speaking/{guildId}}: a server's speaking mode and listed channels, and a channel's ghost flag.
 * On the web which server one manages is unknown, so only the bot owner may; server managers use
 * {@code /channel speaking} and {@code /channel ghost}. The rules are {@link ChoosingWhereCharactersSpeak}'s.
 */
public final class SpeakingApi {

    static final String BASE = "/api/v1/admin/speaking/{guildId}";
    private static final String GHOST = BASE + "/ghost/{channelId}";

    private final Supplier<Optional<ChoosingWhereCharactersSpeak>> services;

    public SpeakingApi(Supplier<Optional<ChoosingWhereCharactersSpeak>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        routes.schemas().define("Speaking", Schemas.object(List.of("guildId", "mode", "channels", "ghostChannels"),
                Map.of("guildId", Schemas.string("The server"),
                        "mode", Schemas.string("all, allowlist (only the listed channels) or denylist (all but them)"),
                        "channels", Schemas.arrayOf(Schemas.string("A listed channel's id")),
                        "ghostChannels", Schemas.arrayOf(Schemas.string("A channel in ghost mode")))));
        routes.schemas().define("SpeakingRequest", Schemas.object(List.of("mode", "channels"), Map.of(
                "mode", Schemas.string("all, allowlist or denylist"),
                "channels", Schemas.arrayOf(Schemas.string("A channel id to list (replaces the whole list)")))));
        routes.schemas().define("Ghost", Schemas.object(List.of("channelId", "ghost"), Map.of(
                "channelId", Schemas.string("The channel"),
                "ghost", Schemas.bool("True when the bot records what is said there but never posts"))));
        routes.schemas().define("GhostRequest", Schemas.object(List.of("ghost"), Map.of(
                "ghost", Schemas.bool("Turn ghost mode on (true) or off (false)"))));
        routes.add(new ApiRoute(HandlerType.GET, BASE, "moderation", "Where characters may speak in a server",
                RouteAuth.OWNER, null, 200, "Speaking", List.of(400)), this::view);
        routes.add(new ApiRoute(HandlerType.PUT, BASE, "moderation", "Set a server's speaking mode and listed channels"
                + " (all or nothing)", RouteAuth.OWNER, "SpeakingRequest", 200, "Speaking", List.of(400, 413)),
                this::replace);
        routes.add(new ApiRoute(HandlerType.GET, GHOST, "moderation", "Whether a channel is in ghost mode",
                RouteAuth.OWNER, null, 200, "Ghost", List.of(400)), this::ghost);
        routes.add(new ApiRoute(HandlerType.PUT, GHOST, "moderation", "Turn a channel's ghost mode on or off",
                RouteAuth.OWNER, "GhostRequest", 200, "Ghost", List.of(400, 413)), this::setGhost);
    }

    private ChoosingWhereCharactersSpeak places() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private static SpeakingCaller caller(Context ctx) {
        return SpeakingCaller.outsideServers(Access.requireActor(ctx));
    }

    private void view(Context ctx) {
        SpeakingCaller caller = caller(ctx);
        String guild = ctx.pathParam("guildId");
        ctx.json(json(places().view(caller, guild), places().ghostChannels(caller, guild)));
    }

    private void replace(Context ctx) {
        SpeakingCaller caller = caller(ctx);
        String guild = ctx.pathParam("guildId");
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("mode", "channels"));
        String mode = body.requiredString("mode", 20);
        SpeakingPolicy policy = places().replace(caller, guild, mode, channels(body.asMap().get("channels")));
        ctx.json(json(policy, places().ghostChannels(caller, guild)));
    }

    private void ghost(Context ctx) {
        SpeakingCaller caller = caller(ctx);
        String channel = ctx.pathParam("channelId");
        ctx.json(Map.of("channelId", channel, "ghost", places().ghost(caller, ctx.pathParam("guildId"), channel)));
    }

    private void setGhost(Context ctx) {
        SpeakingCaller caller = caller(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("ghost"));
        if (!body.has("ghost") || body.isNull("ghost")) {
            throw DomainException.invalid("ghost", "Give ghost: true (records, never posts) or false.");
        }
        boolean ghost = body.optionalBoolean("ghost", false);
        String channel = ctx.pathParam("channelId");
        places().setGhost(caller, ctx.pathParam("guildId"), channel, ghost);
        ctx.json(Map.of("channelId", channel, "ghost", ghost));
    }

    private static List<String> channels(Object value) {
        if (!(value instanceof List<?> list)) {
            throw DomainException.invalid("channels", "Give the listed channels as a list of channel ids ([] for none).");
        }
        List<String> ids = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String id)) {
                throw DomainException.invalid("channels", "Each listed channel must be a channel id in quotes.");
            }
            ids.add(id);
        }
        return ids;
    }

    private static Map<String, Object> json(SpeakingPolicy policy, List<String> ghosts) {
        return Map.of("guildId", policy.guildId(), "mode", policy.mode().name().toLowerCase(Locale.ROOT),
                "channels", policy.sortedChannels(), "ghostChannels", ghosts);
    }
}
