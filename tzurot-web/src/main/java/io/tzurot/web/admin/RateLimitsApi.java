package io.tzurot.web.admin;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.admin.BotOwnerOnly;
import io.tzurot.core.limits.EditingRateLimits;
import io.tzurot.core.limits.RateLimits;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET|PATCH|DELETE /api/v1/admin/rate-limits}: the bot owner reads, changes (any of the five limits) or
 * resets the per-user limits every process applies within half a minute. Core's {@link EditingRateLimits} decides who
 * may and what a valid value is.
 */
public final class RateLimitsApi {

    private static final List<String> FIELDS = List.copyOf(RateLimits.DEFAULTS.toEntries().keySet());

    private final Supplier<Optional<EditingRateLimits>> limits;

    public RateLimitsApi(Supplier<Optional<EditingRateLimits>> limits) {
        this.limits = limits;
    }

    public void register(RouteRegistry routes) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : FIELDS) {
            fields.put(field, Map.of("type", "integer", "minimum", 1));
        }
        routes.schemas().define("RateLimits", Schemas.object(FIELDS, fields));
        routes.schemas().define("RateLimitsPatch", Schemas.object(List.of(), fields));
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/admin/rate-limits", "admin", "The per-user limits in force:"
                + " reply and command token buckets (burst, per minute) and replies in flight", RouteAuth.OWNER, null,
                200, "RateLimits", List.of(403)), this::view);
        routes.add(new ApiRoute(HandlerType.PATCH, "/api/v1/admin/rate-limits", "admin", "Change some of the limits"
                + " (every process applies them within 30 s)", RouteAuth.OWNER, "RateLimitsPatch", 200, "RateLimits",
                List.of(400, 403, 413)), this::edit);
        routes.add(new ApiRoute(HandlerType.DELETE, "/api/v1/admin/rate-limits", "admin", "Back to the default limits",
                RouteAuth.OWNER, null, 200, "RateLimits", List.of(403)), this::reset);
    }

    private EditingRateLimits editing() {
        return limits.get().orElseThrow(ApiException::starting);
    }

    private void view(Context ctx) {
        ctx.json(editing().view(Access.requireActor(ctx)).toEntries());
    }

    private void edit(Context ctx) {
        var actor = Access.requireActor(ctx);
        BotOwnerOnly.require(actor); // refused before the body is read
        ctx.json(editing().edit(actor, Inputs.jsonBody(ctx).allowOnly(java.util.Set.copyOf(FIELDS)).asMap()).toEntries());
    }

    private void reset(Context ctx) {
        ctx.json(editing().reset(Access.requireActor(ctx)).toEntries());
    }
}
