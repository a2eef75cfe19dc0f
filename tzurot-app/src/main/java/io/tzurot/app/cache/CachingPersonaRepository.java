package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaDeletion;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.persona.PersonaRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personas by id read through a cache; every write announces a {@link EventTopic#PERSONA} change. Lists by owner
 * are not cached, and neither is a missing persona: a user's default persona is created with the user, by the
 * user repository, without passing here.
 */
public final class CachingPersonaRepository implements PersonaRepository {

    private final PersonaRepository delegate;
    private final RepositoryCache cache;

    public CachingPersonaRepository(PersonaRepository delegate, CacheContext context) {
        this.delegate = delegate;
        this.cache = new RepositoryCache(context, "persona", 50_000, EventTopic.PERSONA);
    }

    @Override
    public Persona create(UUID ownerId, PersonaDraft draft) {
        return cache.write(() -> delegate.create(ownerId, draft));
    }

    @Override
    public Optional<Persona> findById(UUID id) {
        return cache.getPresent(() -> delegate.findById(id), "findById", id);
    }

    @Override
    public List<Persona> listByOwner(UUID ownerId) {
        return delegate.listByOwner(ownerId);
    }

    @Override
    public Optional<Persona> oldestOwnedBy(UUID ownerId) {
        return delegate.oldestOwnedBy(ownerId);
    }

    @Override
    public Optional<Persona> update(UUID ownerId, UUID personaId, PersonaDraft draft) {
        return cache.write(() -> delegate.update(ownerId, personaId, draft));
    }

    @Override
    public PersonaDeletion delete(UUID ownerId, UUID personaId) {
        return cache.write(() -> delegate.delete(ownerId, personaId));
    }
}
