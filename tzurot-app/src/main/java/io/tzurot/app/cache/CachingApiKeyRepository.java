package io.tzurot.app.cache;

import io.tzurot.core.apikey.ApiKey;
import io.tzurot.core.apikey.ApiKeyRepository;
import io.tzurot.core.apikey.EncryptedSecret;
import io.tzurot.core.messaging.EventTopic;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Users' encrypted provider keys read through a cache (still encrypted: decryption happens per use, in memory);
 * saving or deleting a key announces an {@link EventTopic#API_KEY} change. Recording a use changes nothing the
 * cache holds and announces nothing.
 */
public final class CachingApiKeyRepository implements ApiKeyRepository {

    private final ApiKeyRepository delegate;
    private final RepositoryCache cache;

    public CachingApiKeyRepository(ApiKeyRepository delegate, CacheContext context) {
        this.delegate = delegate;
        this.cache = new RepositoryCache(context, "api_key", 50_000, EventTopic.API_KEY);
    }

    @Override
    public ApiKey save(UUID userId, String provider, EncryptedSecret secret) {
        return cache.write(() -> delegate.save(userId, provider, secret));
    }

    @Override
    public Optional<EncryptedSecret> findSecret(UUID userId, String provider) {
        return cache.get(() -> delegate.findSecret(userId, provider), "secret", userId, provider);
    }

    @Override
    public List<ApiKey> list(UUID userId) {
        return delegate.list(userId);
    }

    @Override
    public boolean delete(UUID userId, String provider) {
        return cache.write(() -> delegate.delete(userId, provider));
    }

    @Override
    public void markUsed(UUID userId, String provider) {
        delegate.markUsed(userId, provider);
    }
}
