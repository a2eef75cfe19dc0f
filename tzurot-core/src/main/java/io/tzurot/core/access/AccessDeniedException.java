package io.tzurot.core.access;

/** The actor is known but not allowed to do this; the message says what is missing. */
public final class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
