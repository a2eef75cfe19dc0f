package io.tzurot.core.persona;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The short-term history epoch of one (user, personality, persona): history at or before
 * {@code lastContextReset} is hidden, and one clear can be undone.
 *
 * @param lastContextReset or null when never cleared
 * @param previousContextReset the epoch an undo restores, or null (undo then shows all history again)
 * @param undoAvailable true after a clear until that clear is undone
 */
public record PersonaHistoryConfig(UUID id, UUID userId, UUID personalityId, UUID personaId,
                                   Instant lastContextReset, Instant previousContextReset,
                                   boolean undoAvailable) {

    public PersonaHistoryConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(personaId, "personaId");
    }

    public Optional<Instant> contextResetAt() {
        return Optional.ofNullable(lastContextReset);
    }

    /** True when a message created at {@code createdAt} is still part of the visible history. */
    public boolean isVisible(Instant createdAt) {
        return lastContextReset == null || createdAt.isAfter(lastContextReset);
    }
}
