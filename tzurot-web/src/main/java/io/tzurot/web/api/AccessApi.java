package io.tzurot.web.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.AccessServices;
import io.tzurot.core.access.Actor;
import io.tzurot.core.access.IssuedApiToken;
import io.tzurot.core.access.IssuingApiToken;
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
import java.util.UUID;
import java.util.function.Supplier;

/** {@code GET /api/v1/me} and the token routes: list, create, revoke. */
public final class AccessApi {

    private final Supplier<Optional<AccessServices>> services;

    public AccessApi(Supplier<Optional<AccessServices>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        s.define("Me", Schemas.object(List.of("userId", "discordId", "owner"), Map.of(
                "userId", Schemas.format("uuid", "Internal user id"),
                "discordId", Schemas.string("Discord user id"),
                "owner", Schemas.bool("Whether the caller has the bot owner's rights"))));
        s.define("Token", Schemas.object(List.of("id", "label", "hint", "owner", "discordId", "createdAt"), Map.of(
                "id", Schemas.format("uuid", "Token id, used to revoke it"),
                "label", Schemas.string("What the token is for"),
                "hint", Schemas.string("The token's last characters, to tell tokens apart"),
                "owner", Schemas.bool("Whether the token carries the bot owner's rights"),
                "discordId", Schemas.string("Discord id of the token's user"),
                "createdAt", Schemas.format("date-time", "When it was created"),
                "lastUsedAt", Schemas.nullable(Schemas.format("date-time", "When it was last used (to the minute)")))));
        s.define("TokenList", Schemas.object(List.of("tokens"), Map.of("tokens", Schemas.arrayOf(Schemas.ref("Token")))));
        s.define("CreateToken", Schemas.object(List.of("label"), Map.of(
                "label", Schemas.string("What the token is for", IssuingApiToken.MAX_LABEL_LENGTH),
                "owner", Schemas.bool("Give the token the bot owner's rights (only the owner may); default false"))));
        s.define("CreatedToken", Schemas.object(List.of("token", "secret"), Map.of(
                "token", Schemas.ref("Token"),
                "secret", Schemas.string("The bearer token itself; shown only in this response"))));

        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/me", "access", "Who the request acts as", RouteAuth.USER,
                null, 200, "Me", List.of()), this::me);
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/tokens", "access",
                "List the caller's API tokens (metadata only); the owner may add ?all=true for everyone's", RouteAuth.USER,
                null, 200, "TokenList", List.of(400, 403)), this::list);
        routes.add(new ApiRoute(HandlerType.POST, "/api/v1/tokens", "access",
                "Create an API token for the caller; the secret is returned once", RouteAuth.USER,
                "CreateToken", 201, "CreatedToken", List.of(400, 403, 413)), this::create);
        routes.add(new ApiRoute(HandlerType.DELETE, "/api/v1/tokens/{id}", "access",
                "Revoke an API token at once (own tokens; the owner may revoke any)", RouteAuth.USER,
                null, 204, null, List.of(400, 404)), this::revoke);
    }

    private AccessServices access() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void me(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ctx.json(Map.of("userId", actor.userId().toString(), "discordId", actor.discordId(), "owner", actor.owner()));
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        boolean all = Inputs.booleanParam("all", ctx.queryParam("all"), false);
        var tokens = all ? access().tokens().listAll(actor) : access().tokens().listOwn(actor);
        ctx.json(Map.of("tokens", tokens.stream().map(TokenView::of).toList()));
    }

    private void create(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("label", "owner"));
        String label = body.requiredString("label", IssuingApiToken.MAX_LABEL_LENGTH);
        boolean owner = body.optionalBoolean("owner", false);
        IssuedApiToken issued = access().issuing().issueFor(actor, label, owner);
        ctx.header("Cache-Control", "no-store").status(201)
                .json(Map.of("token", TokenView.of(issued.token()), "secret", issued.secret()));
    }

    private void revoke(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        if (!access().tokens().revoke(actor, id)) {
            throw ApiException.notFound("Token " + id);
        }
        ctx.status(204);
    }
}
