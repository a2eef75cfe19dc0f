package io.tzurot.core.portability;

import java.util.Locale;

/** Lifecycle of an import or export job. */
public enum PortabilityJobStatus {
    PENDING, IN_PROGRESS, COMPLETED, FAILED;

    /** The stored column value. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored column value. */
    public static PortabilityJobStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether the job is still queued or running, so a new one must not start. */
    public boolean active() {
        return this == PENDING || this == IN_PROGRESS;
    }
}
