package io.tzurot.core.model;

import java.util.Locale;

/** OpenRouter's {@code verbosity} hint. */
public enum Verbosity {
    LOW,
    MEDIUM,
    HIGH;

    /** The level's name in request bodies. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
