package io.tzurot.core.usage;

import io.tzurot.core.id.DeterministicIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** Token usage of one model call by a user, logged whether the key was theirs or the system's. */
public record UsageLog(UUID id, UUID userId, String provider, String model, int tokensIn, int tokensOut,
                       String requestType, Instant createdAt) {

    public UsageLog {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        if (provider == null || provider.isBlank() || provider.length() > 20) {
            throw new IllegalArgumentException("provider must be 1-20 characters");
        }
        if (model == null || model.isBlank() || model.length() > 255) {
            throw new IllegalArgumentException("model must be 1-255 characters");
        }
        if (tokensIn < 0 || tokensOut < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        if (requestType == null || requestType.isBlank() || requestType.length() > 50) {
            throw new IllegalArgumentException("requestType must be 1-50 characters");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A log entry with the deterministic id over (user, model, millisecond), so a retried write is a no-op. */
    public static UsageLog create(UUID userId, String provider, String model, int tokensIn, int tokensOut,
                                  String requestType, Instant createdAt) {
        Instant at = createdAt.truncatedTo(ChronoUnit.MILLIS);
        return new UsageLog(DeterministicIds.usageLog(userId, model, at.toEpochMilli()), userId, provider, model,
                tokensIn, tokensOut, requestType, at);
    }
}
