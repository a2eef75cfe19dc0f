package io.tzurot.app.cache;

import io.tzurot.core.facts.FactChange;
import io.tzurot.core.facts.FactRepository;
import io.tzurot.core.facts.MemoryFact;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.core.messaging.EventTopic;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Memory facts read through a cache: every reply recalls its persona's facts, which change only when an exchange
 * teaches something new or the user edits them. Every write (the extraction after an exchange included) announces a
 * {@link EventTopic#FACTS} change; deleting a user, a character or a persona (whose facts go with them) evicts too.
 */
public final class CachingFactRepository implements FactRepository {

    private final FactRepository delegate;
    private final RepositoryCache cache;

    public CachingFactRepository(FactRepository delegate, CacheContext context) {
        this.delegate = delegate;
        this.cache = new RepositoryCache(context, "memory_facts", 20_000, EventTopic.FACTS, EventTopic.USER,
                EventTopic.PERSONALITY, EventTopic.PERSONA);
    }

    @Override
    public List<MemoryFact> inScope(UUID personaId, PersonalityScope scope, int limit) {
        return cache.get(() -> delegate.inScope(personaId, scope, limit), "inScope", personaId, scope, limit);
    }

    @Override
    public List<MemoryFact> ofPersonas(Collection<UUID> personaIds) {
        return delegate.ofPersonas(personaIds); // the console's and exports' read: rare
    }

    @Override
    public Optional<MemoryFact> find(UUID id) {
        return delegate.find(id);
    }

    @Override
    public int apply(UUID personaId, UUID personalityId, List<FactChange> changes, String source, Instant at) {
        return cache.write(() -> delegate.apply(personaId, personalityId, changes, source, at));
    }

    @Override
    public Optional<MemoryFact> correct(UUID id, String content, Instant at) {
        return cache.write(() -> delegate.correct(id, content, at));
    }

    @Override
    public boolean setLocked(UUID id, boolean locked, Instant at) {
        return cache.write(() -> delegate.setLocked(id, locked, at));
    }

    @Override
    public boolean delete(UUID id) {
        return cache.write(() -> delegate.delete(id));
    }
}
