package io.tzurot.core.personality;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A reusable system prompt; the default one is linked to new personalities. */
public record SystemPrompt(UUID id, String name, String description, String content, boolean isDefault,
                           Instant createdAt, Instant updatedAt) {

    public SystemPrompt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
