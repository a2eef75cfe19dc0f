package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.settings.AdminSettings;
import io.tzurot.core.settings.AdminSettingsRepository;
import io.tzurot.core.settings.ConfigOverrides;
import java.util.UUID;

/** The admin settings row read through a cache; a write announces a {@link EventTopic#SETTINGS} change. */
public final class CachingAdminSettingsRepository implements AdminSettingsRepository {

    private final AdminSettingsRepository delegate;
    private final RepositoryCache cache;

    public CachingAdminSettingsRepository(AdminSettingsRepository delegate, CacheContext context) {
        this.delegate = delegate;
        this.cache = new RepositoryCache(context, "admin_settings", 10, EventTopic.SETTINGS);
    }

    @Override
    public AdminSettings get() {
        return cache.get(delegate::get, "admin");
    }

    @Override
    public AdminSettings setConfigDefaults(ConfigOverrides configDefaults, UUID updatedBy) {
        return cache.write(() -> delegate.setConfigDefaults(configDefaults, updatedBy));
    }
}
