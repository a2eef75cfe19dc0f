package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.persona.PersonaHistoryConfig;
import io.tzurot.core.persona.PersonaHistoryConfigRepository;
import java.util.Optional;
import java.util.UUID;

/**
 * History epochs (a user's context resets) read through a cache: every reply reads the epoch of its sender, character
 * and persona, which changes only when the user clears or restores the context. Those writes announce a
 * {@link EventTopic#PERSONA} change (bumping the epoch a worker checks before each job, so a reply never overtakes a
 * reset made before it); deleting a character or a user (their epochs go with them) evicts too.
 */
public final class CachingPersonaHistoryConfigRepository implements PersonaHistoryConfigRepository {

    private final PersonaHistoryConfigRepository delegate;
    private final RepositoryCache cache;

    public CachingPersonaHistoryConfigRepository(PersonaHistoryConfigRepository delegate, CacheContext context) {
        this.delegate = delegate;
        this.cache = new RepositoryCache(context, "history-epoch", 50_000, EventTopic.PERSONA, EventTopic.PERSONALITY,
                EventTopic.USER);
    }

    @Override
    public Optional<PersonaHistoryConfig> find(UUID userId, UUID personalityId, UUID personaId) {
        return cache.get(() -> delegate.find(userId, personalityId, personaId), "find", userId, personalityId, personaId);
    }

    @Override
    public PersonaHistoryConfig clearContext(UUID userId, UUID personalityId, UUID personaId) {
        return cache.write(() -> delegate.clearContext(userId, personalityId, personaId));
    }

    @Override
    public Optional<PersonaHistoryConfig> undoClear(UUID userId, UUID personalityId, UUID personaId) {
        return cache.write(() -> delegate.undoClear(userId, personalityId, personaId));
    }
}
