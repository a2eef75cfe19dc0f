package io.tzurot.core.lorebook;

import java.util.UUID;

/** A lorebook in a list: id, owner, name and how many entries it has. */
public record LorebookSummary(UUID id, UUID ownerId, String name, int entryCount) {
}
