package io.tzurot.core.personality;

/** Another personality already uses this slug. */
public final class SlugTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SlugTakenException(String slug) {
        super("a personality with slug '" + slug + "' already exists");
    }
}
