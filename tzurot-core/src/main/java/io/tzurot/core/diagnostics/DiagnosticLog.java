package io.tzurot.core.diagnostics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The flight-recorder entry of one reply job (spec/pipeline.md §9); {@code dataJson} holds every stage.
 * {@code userDiscordId} is the Discord id, not the internal user id. Nullable: {@code triggerMessageId},
 * {@code personalityId}, {@code userDiscordId}, {@code guildId}, {@code channelId}.
 */
public record DiagnosticLog(
        UUID id,
        String requestId,
        String triggerMessageId,
        List<String> responseMessageIds,
        UUID personalityId,
        String userDiscordId,
        String guildId,
        String channelId,
        String model,
        String provider,
        int durationMs,
        String dataJson,
        Instant createdAt) {

    public DiagnosticLog {
        Objects.requireNonNull(id, "id");
        if (requestId == null || requestId.isBlank() || requestId.length() > 255) {
            throw new IllegalArgumentException("requestId must be 1-255 characters");
        }
        responseMessageIds = List.copyOf(responseMessageIds);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provider, "provider");
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must not be negative");
        }
        Objects.requireNonNull(dataJson, "dataJson");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
