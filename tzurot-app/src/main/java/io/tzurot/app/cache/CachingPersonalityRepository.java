package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.Viewer;
import io.tzurot.core.settings.ConfigOverrides;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Personalities read through a cache; every write announces a {@link EventTopic#PERSONALITY} change. */
public final class CachingPersonalityRepository implements PersonalityRepository {

    private final PersonalityRepository delegate;
    private final RepositoryCache cache;

    public CachingPersonalityRepository(PersonalityRepository delegate, CacheContext context) {
        this.delegate = delegate;
        // a deleted preset unlinks itself from personalities (ON DELETE SET NULL)
        this.cache = new RepositoryCache(context, "personality", 20_000, EventTopic.PERSONALITY, EventTopic.PRESET);
    }

    @Override
    public Personality create(UUID ownerId, PersonalityDraft draft) {
        return cache.write(() -> delegate.create(ownerId, draft));
    }

    @Override
    public Optional<Personality> update(UUID personalityId, PersonalityDraft draft) {
        return cache.write(() -> delegate.update(personalityId, draft));
    }

    @Override
    public boolean delete(UUID personalityId) {
        return cache.write(() -> delegate.delete(personalityId));
    }

    @Override
    public Optional<Personality> findById(UUID personalityId) {
        return cache.get(() -> delegate.findById(personalityId), "findById", personalityId);
    }

    @Override
    public Optional<Personality> lookup(String query, Viewer viewer) {
        return cache.get(() -> delegate.lookup(query, viewer), "lookup", query, viewer);
    }

    @Override
    public List<Personality> listVisible(Viewer viewer) {
        return delegate.listVisible(viewer);
    }

    @Override
    public boolean canView(UUID personalityId, Viewer viewer) {
        return cache.get(() -> delegate.canView(personalityId, viewer), "canView", personalityId, viewer);
    }

    @Override
    public boolean canEdit(UUID personalityId, Viewer viewer) {
        return cache.get(() -> delegate.canEdit(personalityId, viewer), "canEdit", personalityId, viewer);
    }

    @Override
    public void addCoOwner(UUID personalityId, UUID userId) {
        cache.run(() -> delegate.addCoOwner(personalityId, userId));
    }

    @Override
    public void removeCoOwner(UUID personalityId, UUID userId) {
        cache.run(() -> delegate.removeCoOwner(personalityId, userId));
    }

    @Override
    public List<UUID> coOwners(UUID personalityId) {
        return delegate.coOwners(personalityId);
    }

    @Override
    public void addAlias(UUID personalityId, String alias) {
        cache.run(() -> delegate.addAlias(personalityId, alias));
    }

    @Override
    public void removeAlias(String alias) {
        cache.run(() -> delegate.removeAlias(alias));
    }

    @Override
    public List<String> aliases(UUID personalityId) {
        return delegate.aliases(personalityId);
    }

    @Override
    public Optional<UUID> defaultPresetId(UUID personalityId) {
        return cache.get(() -> delegate.defaultPresetId(personalityId), "defaultPresetId", personalityId);
    }

    @Override
    public void setDefaultPreset(UUID personalityId, UUID presetId) {
        cache.run(() -> delegate.setDefaultPreset(personalityId, presetId));
    }

    @Override
    public ConfigOverrides configDefaults(UUID personalityId) {
        return cache.get(() -> delegate.configDefaults(personalityId), "configDefaults", personalityId);
    }

    @Override
    public void setConfigDefaults(UUID personalityId, ConfigOverrides configDefaults) {
        cache.run(() -> delegate.setConfigDefaults(personalityId, configDefaults));
    }

    @Override
    public Optional<byte[]> avatar(UUID personalityId) {
        return delegate.avatar(personalityId); // bytes are mutable and large: not cached
    }

    @Override
    public boolean hasAvatar(UUID personalityId) {
        return cache.get(() -> delegate.hasAvatar(personalityId), "hasAvatar", personalityId);
    }

    @Override
    public void setAvatar(UUID personalityId, byte[] png) {
        cache.run(() -> delegate.setAvatar(personalityId, png));
    }

    @Override
    public void setSystemPrompt(UUID personalityId, UUID systemPromptId) {
        cache.run(() -> delegate.setSystemPrompt(personalityId, systemPromptId));
    }
}
