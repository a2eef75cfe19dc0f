package io.tzurot.ai.attachment;

import java.util.Objects;

/** Why an attachment could not be fetched. */
public final class AttachmentFetchException extends RuntimeException {

    /** The closed set of reasons. */
    public enum Reason {
        /** Scheme or host not allowed (also for redirect targets). */
        NOT_ALLOWED,
        /** Larger than the policy's limit. */
        TOO_LARGE,
        /** The server answered with a non-2xx status. */
        HTTP_STATUS,
        /** Redirected more often than allowed. */
        TOO_MANY_REDIRECTS,
        /** No complete body within the timeout. */
        TIMEOUT,
        /** Could not connect or the connection broke. */
        NETWORK
    }

    private final Reason reason;

    public AttachmentFetchException(Reason reason, String message) {
        this(reason, message, null);
    }

    public AttachmentFetchException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the fetch failed. */
    public Reason reason() {
        return reason;
    }
}
