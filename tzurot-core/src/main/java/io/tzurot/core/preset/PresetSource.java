package io.tzurot.core.preset;

/** The tier a resolved preset value came from, highest first. */
public enum PresetSource {
    /** The user's preset override for this personality. */
    USER_PERSONALITY,
    /** The user's default preset. */
    USER_DEFAULT,
    /** The personality's default preset link. */
    PERSONALITY,
    /** The global system default preset (used only when the personality has no link). */
    ADMIN_DEFAULT,
    /** The built-in values. */
    BUILT_IN
}
