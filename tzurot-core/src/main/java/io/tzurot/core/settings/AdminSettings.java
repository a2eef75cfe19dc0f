package io.tzurot.core.settings;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The singleton admin settings row, holding the admin tier of the cascade.
 *
 * @param updatedBy user who last changed it, or null
 */
public record AdminSettings(UUID id, UUID updatedBy, ConfigOverrides configDefaults, Instant createdAt, Instant updatedAt) {

    /** The fixed id of the one row (spec datamodel §1.7). */
    public static final UUID SINGLETON_ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440001");

    public AdminSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(configDefaults, "configDefaults");
    }

    public Optional<UUID> lastUpdatedBy() {
        return Optional.ofNullable(updatedBy);
    }
}
