package io.tzurot.core.admin;

import io.tzurot.core.failure.DomainException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code /admin cleanup} may delete: history (leaving tombstones), tombstones, flight records, usage, or all. */
public enum CleanupTarget {
    ALL, HISTORY, TOMBSTONES, DIAGNOSTICS, USAGE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The single targets this one stands for, in the order they are cleaned. */
    public List<CleanupTarget> parts() {
        return this == ALL ? List.of(HISTORY, TOMBSTONES, DIAGNOSTICS, USAGE) : List.of(this);
    }

    /** The target named {@code value} (blank means all). */
    public static CleanupTarget parse(String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.label().equals(v)).findFirst().orElseThrow(() ->
                DomainException.invalid("target", "Unknown target '" + (v.length() > 20 ? v.substring(0, 20) + "…" : v)
                        + "': expected one of " + Arrays.stream(values()).map(CleanupTarget::label)
                        .collect(Collectors.joining(", ")) + "."));
    }
}
