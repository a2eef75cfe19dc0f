package io.tzurot.core.channel;

import java.util.Locale;
import java.util.Optional;

/** How a channel's scene picks who answers a message that addresses no character. */
public enum SpeakerStrategy {
    /** The characters named in the message first, then each by its talkativeness, up to the reply limit. */
    NATURAL,
    /** Every character, in the order they were activated, up to the reply limit. */
    LIST,
    /** One character chosen at random. */
    RANDOM,
    /** Nobody: characters answer only when mentioned or replied to. */
    MANUAL;

    /** The stored and typed name ({@code natural}, {@code list}, ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The strategy with this name (any case), empty when there is none. */
    public static Optional<SpeakerStrategy> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (SpeakerStrategy s : values()) {
            if (s.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
