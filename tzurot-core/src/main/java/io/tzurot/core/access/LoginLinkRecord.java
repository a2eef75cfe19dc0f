package io.tzurot.core.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A one-time login link as stored: the hash of its secret, whom it signs in, its expiry and when it was used. */
public record LoginLinkRecord(String secretHash, UUID userId, boolean owner, Instant createdAt, Instant expiresAt,
                              Optional<Instant> usedAt) {

    public LoginLinkRecord {
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(usedAt, "usedAt");
    }

    @Override
    public String toString() {
        return "LoginLinkRecord[user=" + userId + ", expiresAt=" + expiresAt + ", used=" + usedAt.isPresent() + "]";
    }
}
