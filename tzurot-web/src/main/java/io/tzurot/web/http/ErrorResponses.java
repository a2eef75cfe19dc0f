package io.tzurot.web.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.tzurot.core.access.AccessDeniedException;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.webchannel.ChannelNotFoundException;
import io.tzurot.core.webchannel.TooManyChannelsException;

/**
 * One error shape for every route under {@code /api}: {@code {error, message, field}} with the matching
 * status, never a stack trace. Console pages get the same status with a short readable page, drawn by the
 * {@link HtmlErrors} the console supplies. Core use cases' {@link DomainException}s are mapped by {@link DomainErrors}.
 */
public final class ErrorResponses {

    /** Seconds a 429 asks the client to wait when its thrower named none. */
    static final int DEFAULT_RETRY_AFTER_SECONDS = 5;

    // set once an error body is written, so Javalin's status handlers do not write a second one
    private static final String HANDLED = "tzurot.error.handled";

    private ErrorResponses() {
    }

    /** How a console request's error is drawn as HTML. */
    public interface HtmlErrors {
        /** A whole page with the status's heading and the message. */
        String page(int status, String message);

        /** A one-line alert fragment, for htmx requests. */
        String alert(String message);
    }

    public static void register(Javalin app, HtmlErrors html) {
        app.exception(ApiException.class, (e, ctx) -> {
            e.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", String.valueOf(seconds)));
            respond(ctx, html, e.status(), e.error(), e.getMessage(), e.field());
        });
        app.exception(DomainException.class, (e, ctx) -> {
            ApiException api = DomainErrors.toApi(e);
            respond(ctx, html, api.status(), api.error(), api.getMessage(), api.field());
        });
        app.exception(AccessDeniedException.class, (e, ctx) -> respond(ctx, html, 403, "forbidden", e.getMessage(), null));
        // a channel the caller may not use reads exactly like a missing one
        app.exception(ChannelNotFoundException.class, (e, ctx) -> respond(ctx, html, 404, "not_found", e.getMessage(),
                "channelId"));
        app.exception(TooManyChannelsException.class, (e, ctx) -> respond(ctx, html, 409, "conflict", e.getMessage(), null));
        // Javalin's own refusals, such as a body over the configured size (413)
        app.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, html, e.getStatus(), codeFor(e.getStatus()),
                e.getStatus() == 413 ? "The request body is too large." : e.getMessage(), null));
        app.error(404, ctx -> {
            if (ctx.attribute(HANDLED) == null && (isApi(ctx) || ctx.path().startsWith("/console"))) {
                respond(ctx, html, 404, "not_found", "No route " + ctx.method() + " " + ctx.path() + ".", null);
            }
        });
        app.error(405, ctx -> {
            if (ctx.attribute(HANDLED) == null && isApi(ctx)) {
                respond(ctx, html, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path() + ".", null);
            }
        });
    }

    /** Writes the error: JSON for the API, a small page for the console. */
    public static void respond(Context ctx, HtmlErrors html, int status, String error, String message, String field) {
        ctx.attribute(HANDLED, Boolean.TRUE);
        ctx.status(status);
        if ((status == 429 || status == 503) && ctx.res().getHeader("Retry-After") == null) {
            // too many requests, starting or busy: all pass within seconds
            ctx.header("Retry-After", String.valueOf(DEFAULT_RETRY_AFTER_SECONDS));
        }
        if (status == 413) {
            // close rather than let Jetty drain the rest of an oversize body to keep the connection alive
            ctx.header("Connection", "close");
        }
        if (isApi(ctx)) {
            ctx.json(new ErrorBody(error, message, field));
        } else if ("true".equals(ctx.header("HX-Request"))) {
            // an htmx request from a console page: show the message in the page's alert area, not in the target
            ctx.header("HX-Retarget", "#console-alert").header("HX-Reswap", "innerHTML")
                    .contentType("text/html; charset=utf-8").result(html.alert(message));
        } else {
            ctx.contentType("text/html; charset=utf-8").result(html.page(status, message));
        }
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 429 -> "too_many_requests";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "error";
        };
    }
}
