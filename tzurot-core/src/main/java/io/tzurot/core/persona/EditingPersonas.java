package io.tzurot.core.persona;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Creates, changes and deletes the caller's own personas: name and content are required, every field passes
 * the text rule, a name the caller already uses is a conflict on {@code name}, the default persona cannot be
 * deleted (conflict).
 */
public final class EditingPersonas {

    private final PersonaRepository personas;

    public EditingPersonas(PersonaRepository personas) {
        this.personas = Objects.requireNonNull(personas, "personas");
    }

    /** Checks a new persona's fields without storage (faces may call it early); {@link #create} applies it again. */
    public static void checkNew(PersonaInput input) {
        PersonaFields.draft(input);
    }

    /** Creates a persona; the caller's first one becomes their default. */
    public Persona create(Actor actor, PersonaInput input) {
        PersonaDraft draft = PersonaFields.draft(input);
        try {
            return personas.create(actor.userId(), draft);
        } catch (PersonaNameTakenException e) {
            throw nameTaken(draft.name());
        }
    }

    /** Applies {@code change} to one of the caller's personas (not found first, then the new values are checked). */
    public Persona edit(Actor actor, UUID id, UnaryOperator<PersonaInput> change) {
        Persona current = owned(actor, id);
        PersonaDraft draft = PersonaFields.draft(change.apply(PersonaInput.of(current)));
        try {
            return personas.update(actor.userId(), id, draft).orElseThrow(() -> DomainException.notFound("Persona " + id));
        } catch (PersonaNameTakenException e) {
            throw nameTaken(draft.name());
        }
    }

    /** Deletes one of the caller's personas; their default persona is refused (choose another default first). */
    public void delete(Actor actor, UUID id) {
        switch (personas.delete(actor.userId(), id)) {
            case DELETED -> { }
            case NOT_FOUND -> throw DomainException.notFound("Persona " + id);
            case IS_DEFAULT -> throw DomainException.conflict("id",
                    "This is your default persona; make another persona the default first.");
        }
    }

    private Persona owned(Actor actor, UUID id) {
        return personas.findById(id).filter(p -> p.ownerId().equals(actor.userId()))
                .orElseThrow(() -> DomainException.notFound("Persona " + id));
    }

    private static DomainException nameTaken(String name) {
        return DomainException.conflict("name", "You already have a persona named '" + name + "'.");
    }
}
