package io.tzurot.core.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What is known about a bearer token after it was issued: never the secret, only its metadata and a
 * short hint (the last characters) so people can tell their tokens apart.
 */
public record ApiToken(UUID id, UUID userId, String discordId, String label, String hint, boolean owner,
                       Instant createdAt, Optional<Instant> lastUsedAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(discordId, "discordId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }
}
