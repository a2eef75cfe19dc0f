package io.tzurot.core.persona;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: a user's personas. */
public interface PersonaRepository {

    /**
     * Creates a persona with id v5 {@code persona:{owner}:{name}}; it becomes the owner's default
     * when the owner has none.
     *
     * @throws PersonaNameTakenException when the owner already created one under that name
     */
    Persona create(UUID ownerId, PersonaDraft draft);

    Optional<Persona> findById(UUID id);

    /** The owner's personas, oldest first. */
    List<Persona> listByOwner(UUID ownerId);

    /** The owner's oldest persona. */
    Optional<Persona> oldestOwnedBy(UUID ownerId);

    /**
     * Replaces the fields of an owned persona (its id stays); empty when not found among the owner's.
     *
     * @throws PersonaNameTakenException when another of the owner's personas has the new name
     */
    Optional<Persona> update(UUID ownerId, UUID personaId, PersonaDraft draft);

    /** Deletes an owned persona unless it is the owner's default. */
    PersonaDeletion delete(UUID ownerId, UUID personaId);
}
