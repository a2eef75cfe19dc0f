package io.tzurot.core.personality;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import java.util.Objects;

/** Deletes a personality the caller may edit (owner, co-owner or bot owner). */
public final class DeletingPersonality {

    private final PersonalityRepository repository;
    private final ViewingPersonalities viewing;

    public DeletingPersonality(PersonalityRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.viewing = new ViewingPersonalities(repository);
    }

    /** Deletes it and returns what was deleted. */
    public Personality delete(Actor actor, String slug) {
        Personality p = viewing.editable(actor, slug);
        if (!repository.delete(p.id())) {
            throw DomainException.notFound("Personality '" + p.slug() + "'");
        }
        return p;
    }
}
