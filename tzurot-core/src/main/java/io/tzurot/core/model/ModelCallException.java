package io.tzurot.core.model;

import java.util.Objects;

/** Carries a {@link ModelError} through futures and stack frames. */
public final class ModelCallException extends RuntimeException {

    private final transient ModelError error;

    public ModelCallException(ModelError error) {
        this(error, null);
    }

    public ModelCallException(ModelError error, Throwable cause) {
        super(Objects.requireNonNull(error, "error").category() + ": " + error.detail(), cause);
        this.error = error;
    }

    /** The classified error. */
    public ModelError error() {
        return error;
    }
}
