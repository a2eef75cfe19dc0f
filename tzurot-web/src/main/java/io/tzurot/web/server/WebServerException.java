package io.tzurot.web.server;

/** The HTTP server could not start; the message is one readable line. */
public final class WebServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WebServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
