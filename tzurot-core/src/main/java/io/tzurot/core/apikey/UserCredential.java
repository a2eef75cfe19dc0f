package io.tzurot.core.apikey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Metadata of a user's stored third-party credential (e.g. service {@code shapes_inc}, type
 * {@code session_cookie}); the secret is only ever returned by {@link RevealCredential}.
 *
 * @param expiresAt or null
 * @param lastUsedAt or null
 */
public record UserCredential(UUID id, UUID userId, String service, String credentialType, Instant expiresAt,
                             Instant lastUsedAt, Instant createdAt, Instant updatedAt) {

    public UserCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(credentialType, "credentialType");
    }
}
