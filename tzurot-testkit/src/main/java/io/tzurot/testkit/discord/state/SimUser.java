package io.tzurot.testkit.discord.state;

import java.util.Objects;

/** A Discord user account: a person or a bot. */
public record SimUser(long id, String username, String globalName, boolean bot) {

    public SimUser {
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
    }
}
