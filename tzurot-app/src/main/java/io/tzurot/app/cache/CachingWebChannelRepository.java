package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.webchannel.WebChannel;
import io.tzurot.core.webchannel.WebChannelRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Web channels looked up through a cache, so a chat request costs no database read to check whose channel it names.
 * A channel is made by its owner and never changes owner, so a channel found stays right until it is deleted, and
 * channels are deleted only with their owner (erasure announces a change of every topic, {@link EventTopic#USER}
 * among them, which empties this cache in every process). A channel not found is never cached as missing: another
 * api process may create it a moment later. A channel this process creates is cached at once.
 */
public final class CachingWebChannelRepository implements WebChannelRepository {

    private final WebChannelRepository delegate;
    private final RepositoryCache cache;

    public CachingWebChannelRepository(WebChannelRepository delegate, CacheContext context) {
        this.delegate = delegate;
        // evicted by user changes (erasure); its own inserts announce nothing: they only add what nobody cached
        this.cache = new RepositoryCache(context, "web_channel", 100_000, EventTopic.USER);
    }

    @Override
    public Optional<WebChannel> find(String id) {
        return cache.getPresent(() -> delegate.find(id), "id", id);
    }

    @Override
    public Optional<WebChannel> findDefault(UUID ownerId) {
        return cache.getPresent(() -> delegate.findDefault(ownerId), "default", ownerId);
    }

    @Override
    public List<WebChannel> listByOwner(UUID ownerId) {
        return delegate.listByOwner(ownerId);
    }

    @Override
    public int countByOwner(UUID ownerId) {
        return delegate.countByOwner(ownerId);
    }

    @Override
    public boolean insert(WebChannel channel) {
        boolean inserted = delegate.insert(channel);
        if (inserted) {
            cache.getPresent(() -> Optional.of(channel), "id", channel.id());
            if (channel.isDefault()) {
                cache.getPresent(() -> Optional.of(channel), "default", channel.ownerId());
            }
        }
        return inserted;
    }

    @Override
    public boolean hasHistory(String channelId) {
        return delegate.hasHistory(channelId);
    }
}
