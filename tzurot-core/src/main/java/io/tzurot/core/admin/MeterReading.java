package io.tzurot.core.admin;

import java.util.Objects;

/** One line of the metrics summary: a meter's name (with its tags) and its value as text. */
public record MeterReading(String name, String value) {

    public MeterReading {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
