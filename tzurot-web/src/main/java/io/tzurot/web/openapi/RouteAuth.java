package io.tzurot.web.openapi;

/** Who may call a route. */
public enum RouteAuth {
    /** Anyone. */
    PUBLIC,
    /** Any signed-in user (bearer token or console session). */
    USER,
    /** Only the bot owner. */
    OWNER
}
