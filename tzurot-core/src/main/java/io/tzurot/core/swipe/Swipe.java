package io.tzurot.core.swipe;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a character's reply.
 *
 * @param index its place, from 0 (the first answer)
 * @param content the reply's text
 * @param footer what Discord shows under it (model line and notices), if any
 * @param chosen whether this is the version history and memory keep
 * @param createdAt when it was written
 */
public record Swipe(int index, String content, Optional<String> footer, boolean chosen, Instant createdAt) {

    public Swipe {
        if (index < 0) {
            throw new IllegalArgumentException("a swipe's index is 0 or more");
        }
        Objects.requireNonNull(content, "content");
        footer = Objects.requireNonNullElse(footer, Optional.<String>empty()).filter(f -> !f.isBlank());
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
