package io.tzurot.web.apikey;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.apikey.ApiKey;
import io.tzurot.core.apikey.ManagingApiKeys;
import io.tzurot.core.manage.ManagementUseCases;
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
 * {@code /api/v1/keys}: the caller's own provider keys (bring your own key). A key is checked with the
 * provider before it is stored encrypted; it is never returned, listed or logged.
 */
public final class ApiKeyApi {

    /** Longest key accepted, in characters. */
    public static final int MAX_KEY_LENGTH = ManagingApiKeys.MAX_KEY_LENGTH;

    private final Supplier<Optional<ManagementUseCases>> useCases;

    /** @param useCases empty while storage is still opening (routes answer 503 until then) */
    public ApiKeyApi(Supplier<Optional<ManagementUseCases>> useCases) {
        this.useCases = useCases;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        s.define("SetApiKey", Schemas.object(List.of("apiKey"), Map.of(
                "apiKey", Schemas.string("The provider key; checked with the provider, stored encrypted, never shown again",
                        MAX_KEY_LENGTH))));
        s.define("ApiKey", Schemas.object(List.of("provider", "active", "createdAt"), Map.of(
                "provider", Schemas.string("Provider name"),
                "active", Schemas.bool("Whether it is used"),
                "createdAt", Schemas.format("date-time", "When it was stored"),
                "updatedAt", Schemas.nullable(Schemas.format("date-time", "When it was last replaced")),
                "lastUsedAt", Schemas.nullable(Schemas.format("date-time", "When it was last used")))));
        s.define("ApiKeyEnvelope", Schemas.object(List.of("key"), Map.of("key", Schemas.ref("ApiKey"))));
        s.define("ApiKeyList", Schemas.object(List.of("keys", "providers"), Map.of(
                "keys", Schemas.arrayOf(Schemas.ref("ApiKey")),
                "providers", Schemas.arrayOf(Schemas.string("A provider whose keys can be set")))));
        routes.add(route(HandlerType.GET, "/api/v1/keys", "List the caller's provider keys (metadata only)", null, 200,
                "ApiKeyList", List.of()), this::list);
        routes.add(route(HandlerType.PUT, "/api/v1/keys/{provider}", "Set the caller's key for a provider after the"
                        + " provider accepts it; a refused key is not stored (400)",
                "SetApiKey", 200, "ApiKeyEnvelope", List.of(400, 413, 502)), this::put);
        routes.add(route(HandlerType.DELETE, "/api/v1/keys/{provider}", "Delete the caller's key for a provider", null,
                204, null, List.of(400, 404)), this::delete);
    }

    private static ApiRoute route(HandlerType method, String path, String summary, String request, int status,
                                  String response, List<Integer> errors) {
        return new ApiRoute(method, path, "keys", summary, RouteAuth.USER, request, status, response, errors);
    }

    private ManagingApiKeys keys() {
        return useCases.get().orElseThrow(ApiException::starting).apiKeys();
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagingApiKeys keys = keys();
        ctx.json(Map.of("keys", keys.list(actor).stream().map(ApiKeyView::of).toList(), "providers", keys.providers()));
    }

    private void put(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("apiKey"));
        String key = body.string("apiKey").orElse(null);
        ApiKey stored = keys().set(actor, ctx.pathParam("provider"), key);
        ctx.json(Map.of("key", ApiKeyView.of(stored)));
    }

    private void delete(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        keys().remove(actor, ctx.pathParam("provider"));
        ctx.status(204);
    }
}
