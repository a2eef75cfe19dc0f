package io.tzurot.messaging.results;

import java.util.Objects;

/** Argument checks shared by the result streams. */
final class StreamArgs {

    private StreamArgs() {
    }

    static String name(String value, String what) {
        if (value == null || value.isBlank() || !value.matches("[A-Za-z0-9_.:-]{1,120}")) {
            throw new IllegalArgumentException(what + " must be 1-120 letters, digits or _.:- characters, got " + value);
        }
        return value;
    }

    static <T> T handler(T handler) {
        return Objects.requireNonNull(handler, "handler must not be null");
    }
}
