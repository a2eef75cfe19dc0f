package io.tzurot.web.http;

/**
 * A request that cannot be served, with the status and the {@code {error, message, field}} body it
 * answers with. Thrown from handlers; {@link ErrorResponses} turns it into the response.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String field;
    private final Integer retryAfterSeconds;

    public ApiException(int status, String error, String message, String field) {
        this(status, error, message, field, null);
    }

    private ApiException(int status, String error, String message, String field, Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429: too much at once; answered with {@code Retry-After: retryAfterSeconds}. */
    public static ApiException tooManyRequests(String message, int retryAfterSeconds) {
        return new ApiException(429, "too_many_requests", message, null, retryAfterSeconds);
    }

    /** 400: {@code field} is what was wrong, the message says what is expected. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "bad_request", message, field);
    }

    /** 401: no valid bearer token or session. */
    public static ApiException unauthenticated() {
        return new ApiException(401, "unauthenticated",
                "Sign in first: send 'Authorization: Bearer <token>' or use the console's login link.", null);
    }

    /** 403: signed in, but not allowed. */
    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, null);
    }

    /** 404: nothing with that id (or nothing the actor may see). */
    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " was not found.", null);
    }

    /** 413: the body is larger than the route accepts. */
    public static ApiException tooLarge(String field, long limitBytes) {
        return new ApiException(413, "payload_too_large", "The request body is larger than this route accepts: at most "
                + limitBytes + " bytes.", field);
    }

    /** 503: storage is not open yet during start-up. */
    public static ApiException starting() {
        return new ApiException(503, "starting", "The server is still starting; try again in a moment.", null);
    }

    /** The seconds a 429 asks the client to wait, when it says. */
    public java.util.Optional<Integer> retryAfterSeconds() {
        return java.util.Optional.ofNullable(retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String field() {
        return field;
    }
}
