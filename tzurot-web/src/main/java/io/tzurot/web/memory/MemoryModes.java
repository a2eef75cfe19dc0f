package io.tzurot.web.memory;

import io.tzurot.core.memory.GoingIncognito;
import io.tzurot.core.memory.SwitchingFocus;
import io.tzurot.core.personality.ViewingPersonalities;
import java.util.Objects;

/** The use cases behind the incognito and focus routes: the same rules as Discord's {@code /memory}. */
public record MemoryModes(GoingIncognito incognito, SwitchingFocus focus, ViewingPersonalities personalities) {

    public MemoryModes {
        Objects.requireNonNull(incognito, "incognito");
        Objects.requireNonNull(focus, "focus");
        Objects.requireNonNull(personalities, "personalities");
    }
}
