package io.tzurot.core.failure;

import java.util.Objects;

/**
 * Why a use case refused, as a closed set: each face maps it to its own form (HTTP status and
 * {@code {error,message,field}}, an ephemeral Discord message, a CLI exit code). Messages are written
 * for the person who asked and never contain secrets.
 */
public sealed interface DomainError
        permits DomainError.NotFound, DomainError.Forbidden, DomainError.InvalidField, DomainError.Conflict,
        DomainError.TooLarge, DomainError.Unavailable {

    /** A sentence for the person who asked: what was wrong and what is expected. */
    String message();

    /** The field at fault, or null when the error is not about one field. */
    default String field() {
        return null;
    }

    /** Nothing with that id or slug, or nothing the caller may see (the two look alike on purpose). */
    record NotFound(String what) implements DomainError {
        public NotFound {
            Objects.requireNonNull(what, "what");
        }

        @Override
        public String message() {
            return what + " was not found.";
        }
    }

    /** The caller may see the thing but is not allowed to do this. */
    record Forbidden(String message) implements DomainError {
        public Forbidden {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A value is not acceptable; {@code field} names it (as the API spells it), and is null only when the
     * request as a whole is at fault (e.g. a change that names no field at all).
     */
    record InvalidField(String field, String message) implements DomainError {
        public InvalidField {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The request clashes with what exists (a taken name, an object still in use); {@code field} may be null. */
    record Conflict(String field, String message) implements DomainError {
        public Conflict {
            Objects.requireNonNull(message, "message");
        }
    }

    /** An upload (e.g. an avatar image) is larger than accepted; {@code field} names it. */
    record TooLarge(String field, String message) implements DomainError {
        public TooLarge {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Something the use case needs is off or out of reach; nothing was changed. */
    record Unavailable(Reason reason, String message) implements DomainError {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Why a use case could not run. */
    enum Reason {
        /** The operator has not configured what this needs (e.g. no encryption key for provider keys). */
        NOT_CONFIGURED,
        /** An outside service (the model provider) could not be asked. */
        PROVIDER_UNREACHABLE,
        /** Too much of this work is running at once (e.g. image decoding); trying again shortly will do. */
        BUSY
    }
}
