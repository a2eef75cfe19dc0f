package io.tzurot.core.persona;

/** Outcome of deleting a persona. */
public enum PersonaDeletion {
    DELETED,
    /** No such persona among the user's. */
    NOT_FOUND,
    /** The user's default persona cannot be deleted; choose another default first. */
    IS_DEFAULT
}
