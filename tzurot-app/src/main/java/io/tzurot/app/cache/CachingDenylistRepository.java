package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistRepository;
import io.tzurot.core.moderation.DenylistScope;
import io.tzurot.core.moderation.DenylistType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The denylist checks of every message read through a cache: a user's or guild's entries are cached whatever
 * their expiry and filtered by the instant asked about, so an entry expires on time without a reload. Every write
 * announces a {@link EventTopic#DENYLIST} change.
 */
public final class CachingDenylistRepository implements DenylistRepository {

    private final DenylistRepository delegate;
    private final RepositoryCache cache;

    public CachingDenylistRepository(DenylistRepository delegate, CacheContext context) {
        this.delegate = delegate;
        this.cache = new RepositoryCache(context, "denylist", 50_000, EventTopic.DENYLIST);
    }

    @Override
    public DenylistEntry add(DenylistEntry entry) {
        return cache.write(() -> delegate.add(entry));
    }

    @Override
    public boolean remove(DenylistType type, String discordId, DenylistScope scope, String scopeId) {
        return cache.write(() -> delegate.remove(type, discordId, scope, scopeId));
    }

    @Override
    public Optional<DenylistEntry> find(DenylistType type, String discordId, DenylistScope scope, String scopeId) {
        return delegate.find(type, discordId, scope, scopeId);
    }

    @Override
    public List<DenylistEntry> findActive(DenylistType type, String discordId, Instant now) {
        // entries active at the epoch are all entries (expired ones too), newest first
        List<DenylistEntry> all = cache.get(() -> delegate.findActive(type, discordId, Instant.EPOCH), "entries", type,
                discordId);
        return all.stream().filter(entry -> entry.isActiveAt(now)).toList();
    }

    @Override
    public List<DenylistEntry> listActive(Instant now) {
        return delegate.listActive(now);
    }

    @Override
    public int deleteExpired(Instant now) {
        return cache.write(() -> delegate.deleteExpired(now));
    }
}
