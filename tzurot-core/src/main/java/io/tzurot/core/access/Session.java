package io.tzurot.core.access;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A signed-in console session as stored: the hash of its id (never the id), who it acts as and until when. */
public record Session(String idHash, UUID userId, boolean owner, Instant createdAt, Instant expiresAt) {

    public Session {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** True from {@code expiresAt} on. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Session[user=" + userId + ", owner=" + owner + ", expiresAt=" + expiresAt + "]";
    }
}
