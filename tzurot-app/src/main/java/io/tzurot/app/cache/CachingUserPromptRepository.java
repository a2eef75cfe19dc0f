package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.notes.UserPrompt;
import io.tzurot.core.notes.UserPromptRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Users' system-prompt additions read through a cache: every reply asks for the user's, mostly none. Every write
 * announces a {@link EventTopic#NOTES} change; deleting a user or a character evicts too.
 */
public final class CachingUserPromptRepository implements UserPromptRepository {

    private final UserPromptRepository delegate;
    private final RepositoryCache cache;

    public CachingUserPromptRepository(UserPromptRepository delegate, CacheContext context) {
        this.delegate = delegate;
        this.cache = new RepositoryCache(context, "user_prompts", 20_000, EventTopic.NOTES, EventTopic.USER,
                EventTopic.PERSONALITY);
    }

    @Override
    public Optional<UserPrompt> find(UUID userId, Optional<UUID> personalityId) {
        return delegate.find(userId, personalityId); // the editors' read: rare, and it must show the stored text
    }

    @Override
    public void save(UserPrompt prompt) {
        cache.run(() -> delegate.save(prompt));
    }

    @Override
    public boolean delete(UUID userId, Optional<UUID> personalityId) {
        return cache.write(() -> delegate.delete(userId, personalityId));
    }

    @Override
    public List<UserPrompt> forReply(UUID userId, UUID personalityId) {
        return cache.get(() -> delegate.forReply(userId, personalityId), "forReply", userId, personalityId);
    }

    @Override
    public List<UserPrompt> ofUser(UUID userId) {
        return delegate.ofUser(userId);
    }
}
