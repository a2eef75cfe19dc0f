package io.tzurot.core.user;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** Validates user time zones as IANA region ids (e.g. {@code Europe/Paris}) or {@code UTC}. */
public final class Timezones {

    private Timezones() {
    }

    /** A readable problem, or empty when {@code zone} is a valid time zone of at most 50 characters. */
    public static Optional<String> problem(String zone) {
        if (zone == null || zone.isBlank()) {
            return Optional.of("time zone is required");
        }
        if (zone.length() > 50) {
            return Optional.of("time zone is longer than 50 characters");
        }
        try {
            ZoneId.of(zone);
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("unknown time zone '" + zone + "'; use an IANA name such as Europe/Paris or UTC");
        }
    }
}
