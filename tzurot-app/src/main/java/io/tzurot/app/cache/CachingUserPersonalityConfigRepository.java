package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.UserPersonalityConfig;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Per (user, personality) overrides read through a cache (a missing row too: rows are only created here); every
 * write announces a {@link EventTopic#SETTINGS} change.
 */
public final class CachingUserPersonalityConfigRepository implements UserPersonalityConfigRepository {

    private final UserPersonalityConfigRepository delegate;
    private final RepositoryCache cache;

    public CachingUserPersonalityConfigRepository(UserPersonalityConfigRepository delegate, CacheContext context) {
        this.delegate = delegate;
        // deleting a persona, preset or personality clears or removes the overrides that name it
        this.cache = new RepositoryCache(context, "user_personality_config", 50_000, EventTopic.SETTINGS, EventTopic.PERSONA, EventTopic.PRESET,
                EventTopic.PERSONALITY);
    }

    @Override
    public Optional<UserPersonalityConfig> find(UUID userId, UUID personalityId) {
        return cache.get(() -> delegate.find(userId, personalityId), "find", userId, personalityId);
    }

    @Override
    public List<UserPersonalityConfig> listByUser(UUID userId) {
        return delegate.listByUser(userId);
    }

    @Override
    public UserPersonalityConfig setPersonaOverride(UUID userId, UUID personalityId, UUID personaId) {
        return cache.write(() -> delegate.setPersonaOverride(userId, personalityId, personaId));
    }

    @Override
    public UserPersonalityConfig setPresetOverride(UUID userId, UUID personalityId, UUID presetId) {
        return cache.write(() -> delegate.setPresetOverride(userId, personalityId, presetId));
    }

    @Override
    public UserPersonalityConfig setConfigOverrides(UUID userId, UUID personalityId, ConfigOverrides overrides) {
        return cache.write(() -> delegate.setConfigOverrides(userId, personalityId, overrides));
    }
}
