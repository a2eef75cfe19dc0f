package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.speaking.SpeakingMode;
import io.tzurot.core.speaking.SpeakingPlacesRepository;
import io.tzurot.core.speaking.SpeakingPolicy;
import java.util.List;
import java.util.Set;

/**
 * Where characters may speak, read through a cache (every message asks, answers are mostly "everywhere" and "not a
 * ghost"); every write announces a {@link EventTopic#SPEAKING_PLACES} change, which empties it in every process.
 */
public final class CachingSpeakingPlacesRepository implements SpeakingPlacesRepository {

    private final SpeakingPlacesRepository delegate;
    private final RepositoryCache cache;

    public CachingSpeakingPlacesRepository(SpeakingPlacesRepository delegate, CacheContext context) {
        this.delegate = delegate;
        this.cache = new RepositoryCache(context, "speaking_places", 50_000, EventTopic.SPEAKING_PLACES);
    }

    @Override
    public SpeakingPolicy policy(String guildId) {
        return cache.get(() -> delegate.policy(guildId), "policy", guildId);
    }

    @Override
    public SpeakingPolicy setMode(String guildId, SpeakingMode mode, String changedBy) {
        return cache.write(() -> delegate.setMode(guildId, mode, changedBy));
    }

    @Override
    public SpeakingPolicy replace(String guildId, SpeakingMode mode, Set<String> channels, String changedBy) {
        return cache.write(() -> delegate.replace(guildId, mode, channels, changedBy));
    }

    @Override
    public boolean addChannel(String guildId, String channelId) {
        return cache.write(() -> delegate.addChannel(guildId, channelId));
    }

    @Override
    public boolean removeChannel(String guildId, String channelId) {
        return cache.write(() -> delegate.removeChannel(guildId, channelId));
    }

    @Override
    public boolean isGhost(String channelId) {
        return cache.get(() -> delegate.isGhost(channelId), "ghost", channelId);
    }

    @Override
    public boolean setGhost(String guildId, String channelId, boolean ghost, String changedBy) {
        return cache.write(() -> delegate.setGhost(guildId, channelId, ghost, changedBy));
    }

    @Override
    public List<String> ghostChannels(String guildId) {
        return delegate.ghostChannels(guildId);
    }
}
