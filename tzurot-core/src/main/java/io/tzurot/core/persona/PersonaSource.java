package io.tzurot.core.persona;

/** Where a resolved persona came from (spec §2.6). */
public enum PersonaSource {
    /** The user's per-personality persona override. */
    CONTEXT_OVERRIDE,
    /** The user's default persona. */
    USER_DEFAULT,
    /** The user's oldest persona, now persisted as the default. */
    AUTO_DEFAULT,
    /** No persona: anonymous or unknown user, or no persona at all. */
    SYSTEM_DEFAULT
}
