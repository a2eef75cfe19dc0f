package io.tzurot.core.persona;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * How a user presents to personalities; also the owner key of memories and history.
 *
 * @param description short label, or null
 * @param preferredName name the personality should use, or null
 * @param pronouns or null
 */
public record Persona(UUID id, UUID ownerId, String name, String description, String content, String preferredName,
                      String pronouns, boolean shareLtmAcrossPersonalities, Instant createdAt, Instant updatedAt) {

    public Persona {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    /** The name to address the user by: preferred name, else persona name. */
    public String displayName() {
        return preferredName != null ? preferredName : name;
    }
}
