package io.tzurot.web.admin;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.admin.AdminServices;
import io.tzurot.core.admin.BotOwnerOnly;
import io.tzurot.core.admin.CleaningUp;
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
 * The bot owner's admin routes: usage totals by user, character and model ({@code ?period=24h|7d|30d}), the
 * fleet's live processes, this process's main meters, and the clean-up of old rows. Core decides who may.
 */
public final class AdminApi {

    private final Supplier<Optional<AdminServices>> services;

    public AdminApi(Supplier<Optional<AdminServices>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        Map<String, Object> counts = Map.of("requests", Map.of("type", "integer"), "tokensIn", Map.of("type", "integer"),
                "tokensOut", Map.of("type", "integer"));
        s.define("UsageGroup", Schemas.object(List.of("requests", "tokensIn", "tokensOut"), Map.of(
                "userId", Schemas.nullable(Schemas.format("uuid", "The user (byUser)")),
                "discordId", Schemas.string("The user's Discord id (byUser)"),
                "personalityId", Schemas.nullable(Schemas.format("uuid", "The character; null for rows without one")),
                "slug", Schemas.nullable(Schemas.string("The character's slug (byCharacter)")),
                "model", Schemas.string("The model (byModel)"),
                "requests", counts.get("requests"), "tokensIn", counts.get("tokensIn"),
                "tokensOut", counts.get("tokensOut"))));
        s.define("AdminUsage", Schemas.object(List.of("period", "from", "to", "total", "byUser", "byCharacter",
                "byModel"), Map.of(
                "period", Map.of("type", "string", "enum", List.of("24h", "7d", "30d")),
                "from", Schemas.format("date-time", "Start of the period"),
                "to", Schemas.format("date-time", "End of the period (exclusive)"),
                "total", Schemas.object(List.of("requests", "tokensIn", "tokensOut", "guestRequests"), Map.of(
                        "requests", Map.of("type", "integer"), "tokensIn", Map.of("type", "integer"),
                        "tokensOut", Map.of("type", "integer"), "guestRequests", Map.of("type", "integer"))),
                "byUser", Schemas.arrayOf(Schemas.ref("UsageGroup")),
                "byCharacter", Schemas.arrayOf(Schemas.ref("UsageGroup")),
                "byModel", Schemas.arrayOf(Schemas.ref("UsageGroup")))));
        s.define("AdminHealth", Schemas.object(List.of("processes"), Map.of("processes", Schemas.arrayOf(
                Schemas.object(List.of("processId", "roles", "version", "startedAt", "lastSeen", "uptimeSeconds"),
                        Map.of("processId", Schemas.string("host and pid"), "roles", Schemas.string("e.g. api,worker"),
                                "version", Schemas.string("Version"),
                                "startedAt", Schemas.format("date-time", "Start"),
                                "lastSeen", Schemas.format("date-time", "Last heartbeat"),
                                "uptimeSeconds", Map.of("type", "integer"),
                                "queueLag", Schemas.nullable(Map.of("type", "integer"))))))));
        s.define("AdminMetrics", Schemas.object(List.of("meters"), Map.of("meters", Schemas.arrayOf(Schemas.object(
                List.of("name", "value"), Map.of("name", Schemas.string("Meter and tags"),
                        "value", Schemas.string("Its reading")))))));
        s.define("AdminCleanup", Schemas.object(List.of(), Map.of(
                "days", Map.of("type", "integer", "minimum", 1, "maximum", CleaningUp.MAX_DAYS,
                        "description", "Delete rows older than this many days (default 30)"),
                "target", Map.of("type", "string", "enum", List.of("all", "history", "tombstones", "diagnostics",
                        "usage"), "description", "What to delete (default all)"))));
        s.define("AdminCleanupReport", Schemas.object(List.of("days", "cutoff", "deleted", "total"), Map.of(
                "days", Map.of("type", "integer"), "cutoff", Schemas.format("date-time", "Rows before this went"),
                "deleted", Map.of("type", "object", "additionalProperties", Map.of("type", "integer")),
                "total", Map.of("type", "integer"))));

        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/admin/usage", "admin", "Usage totals of every user by user,"
                + " character and model over ?period=24h|7d|30d (default 7d)", RouteAuth.OWNER, null, 200, "AdminUsage",
                List.of(400, 403)), this::usage);
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/admin/health", "admin", "The fleet's live processes (from"
                + " their heartbeats)", RouteAuth.OWNER, null, 200, "AdminHealth", List.of(403)), this::health);
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/admin/metrics", "admin", "This process's main meters",
                RouteAuth.OWNER, null, 200, "AdminMetrics", List.of(403)), this::metrics);
        routes.add(new ApiRoute(HandlerType.POST, "/api/v1/admin/cleanup", "admin", "Delete history (leaving"
                + " tombstones), tombstones, flight records or usage rows older than a number of days",
                RouteAuth.OWNER, "AdminCleanup", 200, "AdminCleanupReport", List.of(400, 403, 413)), this::cleanup);
    }

    private AdminServices admin() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void usage(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ctx.json(AdminJson.usage(admin().usage().report(actor, Optional.ofNullable(ctx.queryParam("period"))
                .orElse(""))));
    }

    private void health(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ctx.json(Map.of("processes", admin().fleet().live(actor).stream().map(AdminJson::heartbeat).toList()));
    }

    private void metrics(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ctx.json(Map.of("meters", admin().meters(actor).stream().map(AdminJson::meter).toList()));
    }

    private void cleanup(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        BotOwnerOnly.require(actor); // refused before the body is read
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("days", "target"));
        Integer days = body.has("days") && !body.isNull("days")
                ? (int) body.requiredInteger("days", Integer.MIN_VALUE, Integer.MAX_VALUE) : null;
        ctx.json(AdminJson.cleanup(admin().cleanup().cleanUp(actor, days, body.optionalString("target", 20)
                .orElse(""))));
    }
}
