package io.tzurot.core.lorebook;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A stored lorebook: its owner and its content. */
public record Lorebook(UUID id, UUID ownerId, LorebookContent content, Instant createdAt, Instant updatedAt) {

    public Lorebook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(content, "content");
    }

    public String name() {
        return content.name();
    }
}
