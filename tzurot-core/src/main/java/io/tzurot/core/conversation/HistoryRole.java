package io.tzurot.core.conversation;

import java.util.Locale;

/** Who wrote a history message. */
public enum HistoryRole {
    USER, ASSISTANT, SYSTEM;

    /** The stored column value. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored column value. */
    public static HistoryRole fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
