package io.tzurot.core.portability;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The shapes.inc user → persona links made during imports. */
public interface ShapesPersonaMappingRepository {

    /** Stores the link unless the shapes user is already mapped; true when written. */
    boolean add(ShapesPersonaMapping mapping);

    Optional<ShapesPersonaMapping> findByShapesUserId(UUID shapesUserId);

    List<ShapesPersonaMapping> forPersona(UUID personaId);

    /** Changes the verification status; true when the mapping exists. */
    boolean setVerificationStatus(UUID shapesUserId, String status);
}
