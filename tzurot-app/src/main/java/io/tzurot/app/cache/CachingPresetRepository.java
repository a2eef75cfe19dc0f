package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetDeletion;
import io.tzurot.core.preset.PresetDraft;
import io.tzurot.core.preset.PresetRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Presets and the two default flags read through a cache; every write announces a {@link EventTopic#PRESET} change. */
public final class CachingPresetRepository implements PresetRepository {

    private final PresetRepository delegate;
    private final RepositoryCache cache;

    public CachingPresetRepository(PresetRepository delegate, CacheContext context) {
        this.delegate = delegate;
        this.cache = new RepositoryCache(context, "preset", 10_000, EventTopic.PRESET);
    }

    @Override
    public Preset create(UUID ownerId, PresetDraft draft) {
        return cache.write(() -> delegate.create(ownerId, draft));
    }

    @Override
    public Optional<Preset> update(UUID presetId, PresetDraft draft) {
        return cache.write(() -> delegate.update(presetId, draft));
    }

    @Override
    public Optional<Preset> findById(UUID presetId) {
        return cache.get(() -> delegate.findById(presetId), "findById", presetId);
    }

    @Override
    public List<Preset> listSelectableBy(UUID userId) {
        return delegate.listSelectableBy(userId);
    }

    @Override
    public Optional<Preset> findSystemDefault() {
        return cache.get(delegate::findSystemDefault, "systemDefault");
    }

    @Override
    public Optional<Preset> findFreeDefault() {
        return cache.get(delegate::findFreeDefault, "freeDefault");
    }

    @Override
    public void setSystemDefault(UUID presetId) {
        cache.run(() -> delegate.setSystemDefault(presetId));
    }

    @Override
    public void setFreeDefault(UUID presetId) {
        cache.run(() -> delegate.setFreeDefault(presetId));
    }

    @Override
    public PresetDeletion delete(UUID presetId) {
        return cache.write(() -> delegate.delete(presetId));
    }
}
