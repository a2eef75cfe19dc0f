package io.tzurot.web.auth;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.AccessServices;
import io.tzurot.core.access.Actor;
import io.tzurot.web.http.ApiException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A before-handler that resolves the {@link Actor} of each request from {@code Authorization: Bearer}
 * or the session cookie. A bearer token that is presented but invalid is a 401 at once, so a script with
 * a revoked token fails loudly instead of acting anonymously.
 */
public final class ActorResolver {

    private final Supplier<Optional<AccessServices>> services;

    public ActorResolver(Supplier<Optional<AccessServices>> services) {
        this.services = services;
    }

    public void register(Javalin app) {
        app.before(this::resolve);
    }

    private void resolve(Context ctx) {
        String authorization = ctx.header("Authorization");
        String cookie = SessionCookie.read(ctx);
        if (authorization == null && (cookie == null || cookie.isEmpty())) {
            return;
        }
        if (authorization != null) {
            AccessServices access = services.get().orElseThrow(ApiException::starting);
            String token = bearer(authorization);
            Actor actor = access.authenticating().byBearerToken(token).orElseThrow(() -> new ApiException(401, "unauthenticated",
                    "The bearer token is not valid (unknown, revoked or malformed); expected 'Authorization: Bearer tzk_...'.", null));
            ctx.attribute(Access.ACTOR_ATTRIBUTE, actor);
            return;
        }
        Optional<AccessServices> access = services.get();
        if (access.isEmpty()) {
            return; // pages say "starting" themselves; a stale cookie must not block /health
        }
        access.get().authenticating().bySession(cookie).ifPresent(actor -> ctx.attribute(Access.ACTOR_ATTRIBUTE, actor));
    }

    private static String bearer(String header) {
        String trimmed = header.strip();
        if (trimmed.length() > 7 && trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return trimmed.substring(7).strip();
        }
        throw new ApiException(401, "unauthenticated", "The Authorization header must be 'Bearer <token>'.", null);
    }
}
