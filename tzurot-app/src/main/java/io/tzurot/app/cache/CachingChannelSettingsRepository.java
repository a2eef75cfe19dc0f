package io.tzurot.app.cache;

import io.tzurot.core.channel.ChannelSettings;
import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.channel.SpeakerStrategy;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.settings.ConfigOverrides;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Channel settings (activation and the channel's settings tier) read through a cache (a channel without a row
 * too: rows are only created here); every write announces a {@link EventTopic#CHANNEL_ACTIVATION} change.
 */
public final class CachingChannelSettingsRepository implements ChannelSettingsRepository {

    private final ChannelSettingsRepository delegate;
    private final RepositoryCache cache;

    public CachingChannelSettingsRepository(ChannelSettingsRepository delegate, CacheContext context) {
        this.delegate = delegate;
        // deleting a personality deactivates it everywhere
        this.cache = new RepositoryCache(context, "channel_settings", 50_000, EventTopic.CHANNEL_ACTIVATION, EventTopic.PERSONALITY);
    }

    @Override
    public Optional<ChannelSettings> find(String channelId) {
        if (channelsWithSettings().filter(known -> !known.contains(channelId)).isPresent()) {
            return Optional.empty(); // a channel never configured (every new one): no read, and no entry per channel
        }
        return cache.get(() -> delegate.find(channelId), "find", channelId);
    }

    @Override
    public Optional<java.util.Set<String>> channelsWithSettings() {
        return cache.get(delegate::channelsWithSettings, "channels");
    }

    @Override
    public Activation activate(String channelId, String guildId, UUID personalityId, UUID activatedBy, int limit) {
        return cache.write(() -> delegate.activate(channelId, guildId, personalityId, activatedBy, limit));
    }

    @Override
    public boolean deactivate(String channelId, UUID personalityId) {
        return cache.write(() -> delegate.deactivate(channelId, personalityId));
    }

    @Override
    public int deactivateAll(String channelId) {
        return cache.write(() -> delegate.deactivateAll(channelId));
    }

    @Override
    public ChannelSettings setSpeakerStrategy(String channelId, String guildId, SpeakerStrategy strategy) {
        return cache.write(() -> delegate.setSpeakerStrategy(channelId, guildId, strategy));
    }

    @Override
    public ChannelSettings setStreamEdits(String channelId, String guildId, boolean streamEdits) {
        return cache.write(() -> delegate.setStreamEdits(channelId, guildId, streamEdits));
    }

    @Override
    public ChannelSettings setAutoRespond(String channelId, String guildId, boolean autoRespond) {
        return cache.write(() -> delegate.setAutoRespond(channelId, guildId, autoRespond));
    }

    @Override
    public ChannelSettings setConfigOverrides(String channelId, String guildId, ConfigOverrides overrides,
                                              UUID changedBy) {
        return cache.write(() -> delegate.setConfigOverrides(channelId, guildId, overrides, changedBy));
    }

    @Override
    public List<ChannelSettings> listActivatedInGuild(String guildId) {
        return delegate.listActivatedInGuild(guildId);
    }
}
