package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.core.user.UserRepository;
import java.util.Optional;
import java.util.UUID;

/**
 * Users read through a cache: every reply looks its speaker up (by Discord id, get-or-create) and reads the user's
 * settings tier, and users change rarely. Writes announce a {@link EventTopic#USER} change; deleting a persona or a
 * preset may clear a user's default, so those topics evict too. A user missing here is never cached as missing:
 * signing in to the web creates users around this repository.
 */
public final class CachingUserRepository implements UserRepository {

    private final UserRepository delegate;
    private final RepositoryCache cache;

    public CachingUserRepository(UserRepository delegate, CacheContext context) {
        this.delegate = delegate;
        this.cache = new RepositoryCache(context, "user", 50_000, EventTopic.USER, EventTopic.PERSONA, EventTopic.PRESET);
    }

    @Override
    public Optional<User> findById(UUID id) {
        return cache.getPresent(() -> delegate.findById(id), "id", id);
    }

    @Override
    public Optional<User> findByDiscordId(String discordId) {
        return cache.getPresent(() -> delegate.findByDiscordId(discordId), "discord", discordId);
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return delegate.findByUsername(username);
    }

    @Override
    public User getOrCreate(DiscordUserProfile profile, boolean superuser) {
        if (!profile.bot()) {
            Optional<User> known = findByDiscordId(profile.discordId());
            if (known.isPresent() && known.get().settledFor(profile, superuser)) {
                return known.get();
            }
        }
        return cache.write(() -> delegate.getOrCreate(profile, superuser));
    }

    @Override
    public void setDefaultPersona(UUID userId, UUID personaId) {
        cache.run(() -> delegate.setDefaultPersona(userId, personaId));
    }

    @Override
    public void setDefaultPreset(UUID userId, UUID presetId) {
        cache.run(() -> delegate.setDefaultPreset(userId, presetId));
    }

    @Override
    public void setTimezone(UUID userId, String timezone) {
        cache.run(() -> delegate.setTimezone(userId, timezone));
    }

    @Override
    public void setNsfwVerified(UUID userId, boolean verified) {
        cache.run(() -> delegate.setNsfwVerified(userId, verified));
    }

    @Override
    public ConfigOverrides configDefaults(UUID userId) {
        return cache.get(() -> delegate.configDefaults(userId), "config", userId);
    }

    @Override
    public void setConfigDefaults(UUID userId, ConfigOverrides configDefaults) {
        cache.run(() -> delegate.setConfigDefaults(userId, configDefaults));
    }
}
