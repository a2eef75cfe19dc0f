package io.tzurot.core.access;

import java.util.Objects;
import java.util.UUID;

/** The part of a user row that access control needs: internal id and Discord id. */
public record AccessUser(UUID id, String discordId) {

    public AccessUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(discordId, "discordId");
    }
}
