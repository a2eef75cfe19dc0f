package io.tzurot.core.notes;

import io.tzurot.core.failure.DomainException;
import java.util.Locale;

/** The role an author's note speaks with in the chat log (SillyTavern's 0 system, 1 user, 2 assistant). */
public enum NoteRole {
    SYSTEM, USER, ASSISTANT;

    /** The name in JSON, commands and storage: {@code system}, {@code user}, {@code assistant}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code value} (any case); invalid field {@code role} otherwise. */
    public static NoteRole parse(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (NoteRole r : values()) {
            if (r.name().equals(v)) {
                return r;
            }
        }
        throw DomainException.invalid("role", "'role' must be one of system, user, assistant.");
    }
}
