package io.tzurot.core.apikey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Metadata of a user's stored provider key (BYOK); the key itself is only ever returned by {@link RevealApiKey}.
 *
 * @param lastUsedAt or null
 */
public record ApiKey(UUID id, UUID userId, String provider, boolean active, Instant lastUsedAt, Instant createdAt,
                     Instant updatedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(provider, "provider");
    }
}
