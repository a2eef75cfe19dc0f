package io.tzurot.core.personality;

/** The alias already points at a personality. */
public final class AliasTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AliasTakenException(String alias) {
        super("alias '" + alias + "' is already in use");
    }
}
