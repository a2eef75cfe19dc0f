package io.tzurot.app.config;

import java.util.Locale;
import java.util.Optional;

/** How log lines are written ({@code TZUROT_LOG_FORMAT}). */
public enum LogFormat {
    /** One human-readable line per event (the default). */
    TEXT,
    /** One JSON object per line, for log collectors. */
    JSON;

    /** The format named by {@code value} (case-insensitive, surrounding spaces ignored); empty when unknown. */
    public static Optional<LogFormat> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> Optional.of(TEXT);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }
}
