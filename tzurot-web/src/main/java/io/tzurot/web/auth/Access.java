package io.tzurot.web.auth;

import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.web.http.ApiException;
import java.util.Optional;

/** What a route calls first: who is asking, and are they allowed at all (401 / 403 with the error shape). */
public final class Access {

    static final String ACTOR_ATTRIBUTE = "tzurot.actor";

    private Access() {
    }

    /** The actor resolved for this request, if any. */
    public static Optional<Actor> actor(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ACTOR_ATTRIBUTE));
    }

    /** The actor, or 401. */
    public static Actor requireActor(Context ctx) {
        return actor(ctx).orElseThrow(ApiException::unauthenticated);
    }

    /** The actor when it holds the bot owner's rights; 401 when anonymous, 403 otherwise. */
    public static Actor requireOwner(Context ctx) {
        Actor actor = requireActor(ctx);
        if (!actor.owner()) {
            throw ApiException.forbidden("Only the bot owner may do this.");
        }
        return actor;
    }
}
