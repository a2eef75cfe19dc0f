package io.tzurot.discord.command;

/**
 * A refusal that belongs to Discord itself (an expired dashboard, a dashboard of another user, an unknown
 * button); its message is shown to the user as it is. Rules about who may do what are core's
 * {@code DomainException}s instead.
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message, null, false, false);
    }
}
