package io.tzurot.app.cache;

import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookRepository;
import io.tzurot.core.lorebook.LorebookSummary;
import io.tzurot.core.lorebook.LoreTarget;
import io.tzurot.core.messaging.EventTopic;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Lorebooks and their attachments read through a cache: every reply reads the books of its character, persona,
 * channel and of everything, which would otherwise be four queries and every entry of every book each time. Every
 * write announces a {@link EventTopic#LOREBOOK} change; deleting a character or a persona (their attachments go with
 * them) evicts too.
 */
public final class CachingLorebookRepository implements LorebookRepository {

    private final LorebookRepository delegate;
    private final RepositoryCache cache;

    public CachingLorebookRepository(LorebookRepository delegate, CacheContext context) {
        this.delegate = delegate;
        // few keys (one per attachment target read), each possibly a large book: a modest bound
        this.cache = new RepositoryCache(context, "lorebook", 2_000, EventTopic.LOREBOOK, EventTopic.PERSONALITY,
                EventTopic.PERSONA);
    }

    @Override
    public Lorebook create(UUID ownerId, LorebookContent content) {
        return cache.write(() -> delegate.create(ownerId, content));
    }

    @Override
    public Optional<Lorebook> replace(UUID lorebookId, LorebookContent content) {
        return cache.write(() -> delegate.replace(lorebookId, content));
    }

    @Override
    public Optional<Lorebook> find(UUID lorebookId) {
        return delegate.find(lorebookId); // edits read the current row; replies read attachments below
    }

    @Override
    public List<LorebookSummary> listOwned(UUID ownerId) {
        return delegate.listOwned(ownerId);
    }

    @Override
    public boolean delete(UUID lorebookId) {
        return cache.write(() -> delegate.delete(lorebookId));
    }

    @Override
    public void attach(UUID personalityId, UUID lorebookId) {
        cache.run(() -> delegate.attach(personalityId, lorebookId));
    }

    @Override
    public boolean detach(UUID personalityId, UUID lorebookId) {
        return cache.write(() -> delegate.detach(personalityId, lorebookId));
    }

    @Override
    public List<Lorebook> attachedTo(UUID personalityId) {
        return cache.get(() -> delegate.attachedTo(personalityId), "character", personalityId);
    }

    @Override
    public void attach(LoreTarget target, UUID lorebookId) {
        cache.run(() -> delegate.attach(target, lorebookId));
    }

    @Override
    public boolean detach(LoreTarget target, UUID lorebookId) {
        return cache.write(() -> delegate.detach(target, lorebookId));
    }

    @Override
    public List<Lorebook> attachedTo(LoreTarget target) {
        if (target.kind() == LoreTarget.Kind.CHANNEL && targetsWithBooks(LoreTarget.Kind.CHANNEL)
                .filter(channels -> !channels.contains(target.id())).isPresent()) {
            return List.of(); // a channel without books (every new one): no read, and no cache entry per channel
        }
        return cache.get(() -> delegate.attachedTo(target), target.kind(), target.id());
    }

    @Override
    public java.util.Optional<java.util.Set<String>> targetsWithBooks(LoreTarget.Kind kind) {
        return cache.get(() -> delegate.targetsWithBooks(kind), "targets", kind);
    }
}
