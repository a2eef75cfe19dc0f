package io.tzurot.discord.bot;

/** The bot could not log in: a rejected token or an unreachable gateway. The message is one line, secret-free. */
public final class DiscordLoginException extends RuntimeException {

    public DiscordLoginException(String message, Throwable cause) {
        super(message, cause);
    }
}
