package io.tzurot.web.http;

import java.util.Optional;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ErrorResponses.class);

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

    /**
     * Answers a failure no route turned into an {@link ApiException}: a request body the server could not parse (a
     * broken multipart or form) is the caller's 400; a dependency that is away is a 503 the caller can retry; the rest
     * is our fault, logged, and the caller gets a plain message, never the exception.
     */
    public static void unexpected(Context ctx, HtmlErrors html, Exception e) {
        if (unreadableBody(e)) {
            respond(ctx, html, 400, "bad_request", "The request body could not be read as "
                    + Optional.ofNullable(ctx.contentType()).map(t -> t.split(";")[0].strip()).orElse("a form")
                    + " (" + shortReason(e) + "); send a well-formed form or JSON body.", null);
        } else if (dependencyDown(e)) {
            LOG.warn("{} {}: a dependency is unavailable: {}", ctx.method(), ctx.path(), shortReason(e));
            respond(ctx, html, 503, "unavailable", "The service cannot reach its database or queue right now; please try"
                    + " again in a moment.", null);
        } else {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, html, 500, "internal", "Something went wrong on our side; it has been logged.", null);
        }
    }

    /** Jetty's multipart and form parsers fail with plain exceptions thrown while reading the request. */
    static boolean unreadableBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String c = frame.getClassName();
                if (c.startsWith("org.eclipse.jetty.server.MultiPart") || c.startsWith("org.eclipse.jetty.http.MultiPart")
                        || c.startsWith("org.eclipse.jetty.server.FormFields") || c.equals("io.javalin.http.util.MultipartUtil")
                        || (c.equals("org.eclipse.jetty.server.Request") && frame.getMethodName().contains("Form"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String shortReason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        message = message.lines().findFirst().orElse("").strip();
        return message.length() > 120 ? message.substring(0, 120) + "…" : message;
    }

    /** Whether the failure is a dependency being away (no database connection, Redis unreachable), not a bug. */
    static boolean dependencyDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    || name.equals("io.lettuce.core.RedisConnectionException")
                    || name.equals("io.lettuce.core.RedisCommandTimeoutException")) {
                return true;
            }
        }
        return false;
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
