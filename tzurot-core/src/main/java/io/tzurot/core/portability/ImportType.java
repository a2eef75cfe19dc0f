package io.tzurot.core.portability;

import java.util.Locale;

/** What an import brings in: the character and its memories, or the memories alone. */
public enum ImportType {
    FULL, MEMORY_ONLY;

    /** The stored column value. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored column value. */
    public static ImportType fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
