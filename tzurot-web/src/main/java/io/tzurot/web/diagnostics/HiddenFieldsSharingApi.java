package io.tzurot.web.diagnostics;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.personality.Personality;
import io.tzurot.web.auth.Access;
import io.tzurot.web.chat.ConversationServices;
import io.tzurot.web.chat.Lookups;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.JsonBody;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /api/v1/personalities/{slug}/diagnostics-sharing}: whether a character's system prompt appears in the
 * diagnostic records of other users' replies. Off by default; only the character's owner or the bot owner
 * changes it.
 */
public final class HiddenFieldsSharingApi {

    static final String FIELD = "shareHiddenFields";

    private final Supplier<Optional<ConversationServices>> services;

    public HiddenFieldsSharingApi(Supplier<Optional<ConversationServices>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        s.define("DiagnosticsSharing", Schemas.object(List.of("personality", FIELD), Map.of(
                "personality", Schemas.string("The character's slug"),
                FIELD, Schemas.bool("Whether other users see the character's system prompt in their diagnostic records"))));
        s.define("SetDiagnosticsSharing", Schemas.object(List.of(FIELD), Map.of(
                FIELD, Schemas.bool("true shows the system prompt in everyone's records; false (the default) hides it"))));
        String path = "/api/v1/personalities/{slug}/diagnostics-sharing";
        routes.add(new ApiRoute(HandlerType.GET, path, "diagnostics",
                "Whether the character's system prompt is shown in other users' diagnostic records", RouteAuth.USER,
                null, 200, "DiagnosticsSharing", List.of(404)), this::get);
        routes.add(new ApiRoute(HandlerType.PUT, path, "diagnostics",
                "Show or hide the character's system prompt in other users' diagnostic records (owner or bot owner)",
                RouteAuth.USER, "SetDiagnosticsSharing", 200, "DiagnosticsSharing", List.of(400, 403, 404, 413)), this::set);
    }

    private ConversationServices services() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void get(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ConversationServices s = services();
        Personality p = new Lookups(s).personality(actor, "slug", ctx.pathParam("slug"));
        ctx.json(view(p, s.records().sharesHiddenFields(p)));
    }

    private void set(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of(FIELD));
        if (!body.has(FIELD) || body.isNull(FIELD)) {
            throw ApiException.badRequest(FIELD, "'" + FIELD + "' is required: true or false.");
        }
        boolean shared = body.optionalBoolean(FIELD, false);
        ConversationServices s = services();
        Personality p = new Lookups(s).personality(actor, "slug", ctx.pathParam("slug"));
        s.records().shareHiddenFields(actor, p, shared);
        ctx.json(view(p, shared));
    }

    private static Map<String, Object> view(Personality p, boolean shared) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("personality", p.slug());
        json.put(FIELD, shared);
        return json;
    }
}
