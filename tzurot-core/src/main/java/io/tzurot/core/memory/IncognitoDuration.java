package io.tzurot.core.memory;

import io.tzurot.core.failure.DomainException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How long an incognito session lasts (spec datamodel §1: 30m, 1h, 4h or until turned off). */
public enum IncognitoDuration {
    MINUTES_30("30m", Duration.ofMinutes(30)),
    HOUR_1("1h", Duration.ofHours(1)),
    HOURS_4("4h", Duration.ofHours(4)),
    FOREVER("forever", null);

    private final String code;
    private final Duration length;

    IncognitoDuration(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    /** The text users type and the API carries, e.g. {@code 30m}. */
    public String code() {
        return code;
    }

    /** How long the session lasts; empty for {@link #FOREVER}. */
    public Optional<Duration> length() {
        return Optional.ofNullable(length);
    }

    /** The duration named {@code raw} (case-insensitive), or an invalid {@code duration} naming the choices. */
    public static IncognitoDuration parse(String raw) {
        String wanted = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.code.equals(wanted)).findFirst().orElseThrow(() ->
                DomainException.invalid("duration", "'duration' must be one of " + choices() + ", got '"
                        + (raw == null ? "" : raw.strip()) + "'."));
    }

    /** Every code, comma-separated. */
    public static String choices() {
        return Arrays.stream(values()).map(IncognitoDuration::code).collect(Collectors.joining(", "));
    }
}
