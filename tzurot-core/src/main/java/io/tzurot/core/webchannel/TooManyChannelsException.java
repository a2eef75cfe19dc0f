package io.tzurot.core.webchannel;

/** The user already has as many web channels as one user may keep. */
public final class TooManyChannelsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TooManyChannelsException(int limit) {
        super("You already have " + limit + " web channels, the most one user may keep.", null, false, false);
    }
}
