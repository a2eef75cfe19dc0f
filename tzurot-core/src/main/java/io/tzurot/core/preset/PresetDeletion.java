package io.tzurot.core.preset;

/** Outcome of deleting a preset. */
public enum PresetDeletion {
    DELETED,
    NOT_FOUND,
    /** The system default preset cannot be deleted. */
    IS_SYSTEM_DEFAULT,
    /** A personality or a user's per-personality override still points at it. */
    IN_USE
}
