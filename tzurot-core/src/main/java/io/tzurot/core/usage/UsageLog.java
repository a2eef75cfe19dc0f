package io.tzurot.core.usage;

import io.tzurot.core.id.DeterministicIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Token usage of one model call by a user, logged whether the key was theirs or the system's.
 *
 * @param personalityId the character that answered (empty for calls that are not replies, and for old rows)
 * @param guest true when the operator's key paid (guest mode), false for the user's own key (BYOK)
 * @param latencyMs how long the reply took from its request to its accepted answer, when measured
 */
public record UsageLog(UUID id, UUID userId, Optional<UUID> personalityId, String provider, String model, int tokensIn,
                       int tokensOut, String requestType, boolean guest, OptionalInt latencyMs, Instant createdAt) {

    /** The request type of a character's reply. */
    public static final String REPLY = "reply";

    public UsageLog {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(personalityId, "personalityId");
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
        Objects.requireNonNull(latencyMs, "latencyMs");
        if (latencyMs.isPresent() && latencyMs.getAsInt() < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A log entry with the deterministic id over (user, model, millisecond), so a retried write is a no-op. */
    public static UsageLog create(UUID userId, String provider, String model, int tokensIn, int tokensOut,
                                  String requestType, Instant createdAt) {
        Instant at = createdAt.truncatedTo(ChronoUnit.MILLIS);
        return new UsageLog(DeterministicIds.usageLog(userId, model, at.toEpochMilli()), userId, Optional.empty(),
                provider, model, tokensIn, tokensOut, requestType, false, OptionalInt.empty(), at);
    }

    /**
     * The entry of one reply, its id derived from the request id: a redelivered job cannot log twice, and two
     * replies to one user within the same millisecond still log once each.
     */
    public static UsageLog forReply(String requestId, UUID userId, UUID personalityId, String provider, String model,
                                    int tokensIn, int tokensOut, boolean guest, long latencyMs, Instant createdAt) {
        Objects.requireNonNull(requestId, "requestId");
        int latency = (int) Math.min(Integer.MAX_VALUE, Math.max(0, latencyMs));
        return new UsageLog(DeterministicIds.of("usage_log:reply:" + requestId), userId,
                Optional.of(personalityId), provider, model, tokensIn, tokensOut, REPLY, guest, OptionalInt.of(latency),
                createdAt.truncatedTo(ChronoUnit.MILLIS));
    }
}
