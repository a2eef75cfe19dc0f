package io.tzurot.core.failure;

import java.util.Objects;

/** Carries a {@link DomainError} out of a use case; faces catch it and translate the error. */
public final class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient DomainError error;

    public DomainException(DomainError error) {
        super(Objects.requireNonNull(error, "error").message(), null, false, false);
        this.error = error;
    }

    public DomainError error() {
        return error;
    }

    /** Not found (also for what the caller may not see): "{what} was not found." */
    public static DomainException notFound(String what) {
        return new DomainException(new DomainError.NotFound(what));
    }

    public static DomainException forbidden(String message) {
        return new DomainException(new DomainError.Forbidden(message));
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(new DomainError.InvalidField(field, message));
    }

    public static DomainException conflict(String field, String message) {
        return new DomainException(new DomainError.Conflict(field, message));
    }

    public static DomainException tooLarge(String field, String message) {
        return new DomainException(new DomainError.TooLarge(field, message));
    }

    public static DomainException unavailable(DomainError.Reason reason, String message) {
        return new DomainException(new DomainError.Unavailable(reason, message));
    }
}
