package io.tzurot.core.portability;

import java.util.Locale;

/** File format of an export. */
public enum ExportFormat {
    JSON("json"), MARKDOWN("md"), ZIP("zip");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** File name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The stored column value. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored column value. */
    public static ExportFormat fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
