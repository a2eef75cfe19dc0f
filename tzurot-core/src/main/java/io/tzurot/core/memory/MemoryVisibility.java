package io.tzurot.core.memory;

import java.util.Locale;

/** Whether a memory takes part in retrieval and listings; only {@link #NORMAL} ever does. */
public enum MemoryVisibility {
    NORMAL, DELETED, HIDDEN, ARCHIVED;

    /** The stored column value. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored column value. */
    public static MemoryVisibility fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
