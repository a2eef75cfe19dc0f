package io.tzurot.core.lorebook.activation;

import io.tzurot.core.lorebook.AttachingLorebooks;
import java.util.Objects;

/** The lorebook use cases beyond files: attaching books to personas, channels and everything, and the keyword test. */
public record LoreUseCases(AttachingLorebooks attaching, TestingLorebook testing) {

    public LoreUseCases {
        Objects.requireNonNull(attaching, "attaching");
        Objects.requireNonNull(testing, "testing");
    }
}
