package io.tzurot.discord.memory;

import io.tzurot.core.memory.GoingIncognito;
import io.tzurot.core.memory.ManagingMemories;
import io.tzurot.core.memory.SwitchingFocus;
import java.util.List;
import java.util.Objects;

/**
 * The core use cases {@code /memory} translates: memories, incognito sessions and focus mode, plus the subcommand
 * groups other features add (e.g. {@code /memory facts}).
 */
public record MemoryServices(ManagingMemories memories, GoingIncognito incognito, SwitchingFocus focus,
                             List<MemorySubcommandGroup> groups) {

    public MemoryServices {
        Objects.requireNonNull(memories, "memories");
        Objects.requireNonNull(incognito, "incognito");
        Objects.requireNonNull(focus, "focus");
        groups = List.copyOf(groups);
    }

    /** Without groups of other features. */
    public MemoryServices(ManagingMemories memories, GoingIncognito incognito, SwitchingFocus focus) {
        this(memories, incognito, focus, List.of());
    }
}
