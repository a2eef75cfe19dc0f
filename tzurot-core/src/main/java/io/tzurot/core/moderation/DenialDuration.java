package io.tzurot.core.moderation;

import io.tzurot.core.failure.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How long a denial lasts: one of the offered lengths, from one hour to permanent. */
public enum DenialDuration {
    HOUR("1h", Duration.ofHours(1)),
    DAY("1d", Duration.ofDays(1)),
    WEEK("7d", Duration.ofDays(7)),
    MONTH("30d", Duration.ofDays(30)),
    PERMANENT("permanent", null);

    private final String code;
    private final Duration length;

    DenialDuration(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    /** The code people type: {@code 1h}, {@code 1d}, {@code 7d}, {@code 30d} or {@code permanent}. */
    public String code() {
        return code;
    }

    /** When a denial added at {@code from} stops applying; empty for a permanent one. */
    public Optional<Instant> expiry(Instant from) {
        return Optional.ofNullable(length).map(from::plus);
    }

    /** The duration named by {@code text}; blank means permanent. */
    public static DenialDuration parse(String text) {
        if (text == null || text.isBlank()) {
            return PERMANENT;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.code.equals(wanted)).findFirst()
                .orElseThrow(() -> DomainException.invalid("duration", "Unknown duration '" + text.strip()
                        + "': use one of " + codes() + "."));
    }

    /** The codes, comma-separated (for messages and documentation). */
    public static String codes() {
        return Arrays.stream(values()).map(DenialDuration::code).collect(Collectors.joining(", "));
    }
}
