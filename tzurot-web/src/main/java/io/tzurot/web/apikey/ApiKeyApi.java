package io.tzurot.web.apikey;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.apikey.ApiKey;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.apikey.ApiKeyRepository;
import io.tzurot.core.apikey.KeyCheck;
import io.tzurot.core.apikey.ProviderKeyValidator;
import io.tzurot.core.apikey.StoreApiKey;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.JsonBody;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.List;
import java.util.Locale;
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
    public static final int MAX_KEY_LENGTH = 500;

    private final Supplier<Optional<ApiKeyRepository>> keys;
    private final Optional<ApiKeyCipher> cipher;
    private final ProviderKeyValidator validator;

    /**
     * @param cipher empty when no encryption key is configured: keys can then be listed and deleted but not set
     */
    public ApiKeyApi(Supplier<Optional<ApiKeyRepository>> keys, Optional<ApiKeyCipher> cipher,
                     ProviderKeyValidator validator) {
        this.keys = keys;
        this.cipher = cipher;
        this.validator = validator;
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

    private ApiKeyRepository repo() {
        return keys.get().orElseThrow(ApiException::starting);
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ctx.json(Map.of("keys", repo().list(actor.userId()).stream().map(ApiKeyView::of).toList(),
                "providers", validator.providers().stream().sorted().toList()));
    }

    private void put(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        String provider = provider(ctx.pathParam("provider"));
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("apiKey"));
        String key = body.requiredString("apiKey", MAX_KEY_LENGTH);
        ApiKey stored = set(actor, provider, key);
        ctx.json(Map.of("key", ApiKeyView.of(stored)));
    }

    /** Checks the key with the provider and stores it; shared with the console. */
    public ApiKey set(Actor actor, String provider, String key) {
        ApiKeyCipher c = cipher.orElseThrow(() -> new ApiException(503, "byok_disabled", "Storing provider keys is off:"
                + " the operator has not set TZUROT_ENCRYPTION_KEY.", null));
        ApiKeyRepository repo = repo();
        if (key.chars().anyMatch(Character::isWhitespace)) {
            throw ApiException.badRequest("apiKey", "'apiKey' must not contain spaces or line breaks.");
        }
        KeyCheck check = validator.check(provider, key);
        if (check instanceof KeyCheck.Rejected rejected) {
            throw ApiException.badRequest("apiKey", rejected.reason() + " The key was not stored.");
        }
        if (check instanceof KeyCheck.Unavailable unavailable) {
            throw new ApiException(502, "provider_unavailable", unavailable.reason() + " The key was not stored; try again"
                    + " later.", null);
        }
        return new StoreApiKey(repo, c).execute(actor.userId(), provider, key);
    }

    private void delete(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        String provider = ctx.pathParam("provider").strip().toLowerCase(Locale.ROOT);
        if (!provider.matches("[a-z0-9_-]{1,20}")) {
            throw ApiException.badRequest("provider", "'provider' must be 1-20 characters of a-z, 0-9, '_' or '-'.");
        }
        if (!repo().delete(actor.userId(), provider)) {
            throw ApiException.notFound("Your " + provider + " key");
        }
        ctx.status(204);
    }

    /** A provider this server can check keys for, or 400 naming the ones it can. */
    public String provider(String raw) {
        String provider = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!validator.providers().contains(provider)) {
            throw ApiException.badRequest("provider", "Keys can be set for " + String.join(", ",
                    validator.providers().stream().sorted().toList()) + "; not for '" + raw + "'.");
        }
        return provider;
    }

    /** The caller's keys, for the console. */
    public List<ApiKeyView> list(Actor actor) {
        return repo().list(actor.userId()).stream().map(ApiKeyView::of).toList();
    }

    public Set<String> providers() {
        return validator.providers();
    }

    /** Whether keys can be stored at all (an encryption key is configured). */
    public boolean enabled() {
        return cipher.isPresent();
    }

    /** Deletes the caller's key; false when there was none. */
    public boolean delete(Actor actor, String provider) {
        return repo().delete(actor.userId(), provider);
    }
}
