package io.tzurot.core.admin;

import io.tzurot.core.failure.DomainException;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The periods a usage report covers, ending now: {@code 24h}, {@code 7d}, {@code 30d}. */
public enum UsagePeriod {
    DAY("24h", Duration.ofHours(24)),
    WEEK("7d", Duration.ofDays(7)),
    MONTH("30d", Duration.ofDays(30));

    private final String label;
    private final Duration length;

    UsagePeriod(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }

    /** The period named {@code value} (blank means 7d, the reference's default). */
    public static UsagePeriod parse(String value) {
        if (value == null || value.isBlank()) {
            return WEEK;
        }
        String v = value.strip();
        return Arrays.stream(values()).filter(p -> p.label.equals(v)).findFirst().orElseThrow(() ->
                DomainException.invalid("period", "Unknown period '" + (v.length() > 20 ? v.substring(0, 20) + "…" : v)
                        + "': expected one of " + Arrays.stream(values()).map(UsagePeriod::label)
                        .collect(Collectors.joining(", ")) + "."));
    }
}
