package io.tzurot.app.logging;

/** The MDC keys the app sets; the engine sets {@code requestId} itself (core's reply package). */
public final class LogContext {

    /** Which role wrote the line: {@code worker}, {@code api} or {@code discord}. */
    public static final String ROLE = "role";
    /** The reply the line belongs to. */
    public static final String REQUEST_ID = "requestId";

    private LogContext() {
    }
}
