package io.tzurot.core.persona;

import java.util.Optional;
import java.util.UUID;

/** Port: history epochs per (user, personality, persona) - non-destructive clear and single-level undo. */
public interface PersonaHistoryConfigRepository {

    Optional<PersonaHistoryConfig> find(UUID userId, UUID personalityId, UUID personaId);

    /** Hides history up to now: previous = last, last = now; makes one undo available. */
    PersonaHistoryConfig clearContext(UUID userId, UUID personalityId, UUID personaId);

    /**
     * Restores the epoch before the last clear (last = previous, previous = null, which may reveal all
     * history); empty when no undo is available (never cleared, or already undone).
     */
    Optional<PersonaHistoryConfig> undoClear(UUID userId, UUID personalityId, UUID personaId);
}
