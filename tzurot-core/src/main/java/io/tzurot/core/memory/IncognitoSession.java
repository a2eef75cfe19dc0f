package io.tzurot.core.memory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One incognito session of a user: while it lasts, replies are given but no long-term memory is stored.
 *
 * @param personalityId the character it covers; empty = every character ("all")
 * @param expiresAt     when it ends by itself; empty for {@link IncognitoDuration#FOREVER}
 */
public record IncognitoSession(Optional<UUID> personalityId, IncognitoDuration duration, Instant enabledAt,
                               Optional<Instant> expiresAt) {

    public IncognitoSession {
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(enabledAt, "enabledAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** True when it covers every character. */
    public boolean coversAll() {
        return personalityId.isEmpty();
    }
}
