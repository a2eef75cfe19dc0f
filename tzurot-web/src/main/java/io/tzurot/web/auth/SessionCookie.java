package io.tzurot.web.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.tzurot.core.access.OperatorLogin;

/**
 * The console's session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (other sites cannot
 * send it, which is our CSRF defence) and Secure whenever the request came over HTTPS.
 */
public final class SessionCookie {

    /** Name of the cookie that carries the session secret. */
    public static final String NAME = "tzurot_session";

    private SessionCookie() {
    }

    public static void set(Context ctx, String sessionSecret) {
        int maxAge = (int) OperatorLogin.SESSION_LIFETIME.toSeconds();
        ctx.cookie(new Cookie(NAME, sessionSecret, "/", maxAge, secure(ctx), 0, true, null, null, SameSite.STRICT));
    }

    public static void clear(Context ctx) {
        ctx.cookie(new Cookie(NAME, "", "/", 0, secure(ctx), 0, true, null, null, SameSite.STRICT));
    }

    public static String read(Context ctx) {
        return ctx.cookie(NAME);
    }

    private static boolean secure(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(forwarded);
    }
}
