package io.tzurot.core.reply;

import java.util.Objects;

/**
 * The person who asked for a reply. Users are keyed by their Discord id on every platform (web and CLI
 * users carry one too, possibly a local id).
 *
 * @param discordId the user's id (digits)
 * @param username the platform username
 * @param displayName the name to show, e.g. a server nickname
 */
public record Speaker(String discordId, String username, String displayName) {

    public Speaker {
        if (discordId == null || !discordId.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("speaker id must be 1-20 digits, got '" + discordId + "'");
        }
        username = username == null || username.isBlank() ? discordId : username.strip();
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        Objects.requireNonNull(username);
    }
}
