package io.tzurot.discord.memory;

import io.tzurot.core.memory.GoingIncognito;
import io.tzurot.core.memory.ManagingMemories;
import io.tzurot.core.memory.SwitchingFocus;
import java.util.Objects;

/** The core use cases {@code /memory} translates: memories, incognito sessions and focus mode. */
public record MemoryServices(ManagingMemories memories, GoingIncognito incognito, SwitchingFocus focus) {

    public MemoryServices {
        Objects.requireNonNull(memories, "memories");
        Objects.requireNonNull(incognito, "incognito");
        Objects.requireNonNull(focus, "focus");
    }
}
