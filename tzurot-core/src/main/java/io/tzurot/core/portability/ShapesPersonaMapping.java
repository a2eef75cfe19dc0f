package io.tzurot.core.portability;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Links a shapes.inc user id found in imported memories to a persona here. {@code mappedBy} may be null. */
public record ShapesPersonaMapping(UUID id, UUID shapesUserId, UUID personaId, UUID mappedBy,
                                   String verificationStatus, Instant createdAt) {

    public ShapesPersonaMapping {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shapesUserId, "shapesUserId");
        Objects.requireNonNull(personaId, "personaId");
        if (verificationStatus == null || verificationStatus.isBlank() || verificationStatus.length() > 20) {
            throw new IllegalArgumentException("verificationStatus must be 1-20 characters");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
