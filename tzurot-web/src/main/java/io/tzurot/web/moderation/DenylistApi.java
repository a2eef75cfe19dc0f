package io.tzurot.web.moderation;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.moderation.DenialCaller;
import io.tzurot.core.moderation.DenialTarget;
import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DiscordPlaces;
import io.tzurot.core.moderation.ManagingDenials;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.JsonBody;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /api/v1/admin/denylist}: list, add, view and lift denials. On the web the facts of Discord's rule (which
 * server one manages) are unknown, so only the bot owner may; server managers use {@code /deny}. The rules are
 * {@link ManagingDenials}'s.
 */
public final class DenylistApi {

    static final String BASE = "/api/v1/admin/denylist";
    private static final String ONE = BASE + "/{type}/{discordId}";

    private final Supplier<Optional<ManagingDenials>> services;

    public DenylistApi(Supplier<Optional<ManagingDenials>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        routes.schemas().define("Denial", Schemas.object(List.of("id", "type", "discordId", "scope", "scopeId", "mode",
                "addedBy", "addedAt"), Map.of(
                "id", Schemas.string("The denial's id"),
                "type", Schemas.string("What is denied: user, guild or channel"),
                "discordId", Schemas.string("Its Discord id"),
                "scope", Schemas.string("Where it applies: bot (everywhere), guild, channel or personality"),
                "scopeId", Schemas.string("The id of that guild, channel or character; * for bot"),
                "mode", Schemas.string("block (ignored and left out of context) or mute (not answered, still seen)"),
                "reason", Schemas.nullable(Schemas.string("Why, at most 500 characters")),
                "addedBy", Schemas.string("Discord id of who added it"),
                "addedAt", Schemas.format("date-time", "When it was added"),
                "expiresAt", Schemas.nullable(Schemas.format("date-time", "When it stops applying; null = permanent")))));
        routes.schemas().define("Denials", Schemas.object(List.of("entries"),
                Map.of("entries", Schemas.arrayOf(Schemas.ref("Denial")))));
        routes.schemas().define("DenialRequest", Schemas.object(List.of("target", "mode"), Map.of(
                "target", Schemas.string("A Discord id, or a mention <@user> / <#channel>"),
                "type", Schemas.string("user (default for a bare id), guild or channel"),
                "mode", Schemas.string("block or mute"),
                "duration", Schemas.string("1h, 1d, 7d, 30d or permanent (default)"),
                "reason", Schemas.string("Why, at most 500 characters", 500))));
        routes.add(new ApiRoute(HandlerType.GET, BASE, "moderation", "Active denials, newest first (?type=user|guild|"
                + "channel)", RouteAuth.OWNER, null, 200, "Denials", List.of(400)), this::list);
        routes.add(new ApiRoute(HandlerType.POST, BASE, "moderation", "Deny a user, guild or channel (adding it again"
                + " replaces mode, duration and reason)", RouteAuth.OWNER, "DenialRequest", 201, "Denial",
                List.of(400, 413)), this::add);
        routes.add(new ApiRoute(HandlerType.GET, ONE, "moderation", "The active denials of one user, guild or channel",
                RouteAuth.OWNER, null, 200, "Denials", List.of(400)), this::view);
        routes.add(new ApiRoute(HandlerType.DELETE, ONE, "moderation", "Lift every denial of one user, guild or channel",
                RouteAuth.OWNER, null, 200, "Denials", List.of(400, 404)), this::remove);
    }

    private ManagingDenials denials() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private static DenialCaller caller(Context ctx) {
        return DenialCaller.outsideServers(Access.requireActor(ctx));
    }

    private void list(Context ctx) {
        DenialCaller caller = caller(ctx);
        Optional<String> type = Optional.ofNullable(ctx.queryParam("type")).filter(t -> !t.isBlank());
        ctx.json(entries(denials().browse(caller, type.map(t -> DenialTarget.type(t, "type")))));
    }

    private void add(Context ctx) {
        DenialCaller caller = caller(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("target", "type", "mode", "duration", "reason"));
        DenialTarget target = target(body.requiredString("target", 40), body.optionalString("type", 10));
        DenylistEntry added = denials().add(caller, target, body.requiredString("mode", 10),
                body.optionalString("duration", 20).orElse(null), body.optionalString("reason", 500).orElse(null));
        ctx.status(201).json(DenialView.of(added).json());
    }

    /** A typed target: an explicit type wins; otherwise a mention or a bare (user) id. */
    static DenialTarget target(String text, Optional<String> type) {
        DenialTarget parsed = DenialTarget.parse(text, DiscordPlaces.none());
        return type.filter(t -> !t.isBlank()).map(t -> DenialTarget.of(t, parsed.id())).orElse(parsed);
    }

    private void view(Context ctx) {
        DenialCaller caller = caller(ctx);
        ctx.json(entries(denials().view(caller, pathTarget(ctx))));
    }

    private void remove(Context ctx) {
        DenialCaller caller = caller(ctx);
        ctx.json(entries(denials().remove(caller, pathTarget(ctx))));
    }

    private static DenialTarget pathTarget(Context ctx) {
        return DenialTarget.of(ctx.pathParam("type"), ctx.pathParam("discordId"));
    }

    private static Map<String, Object> entries(List<DenylistEntry> entries) {
        return Map.of("entries", entries.stream().map(e -> DenialView.of(e).json()).toList());
    }
}
