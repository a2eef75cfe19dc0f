package io.tzurot.core.apikey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: encrypted provider keys, one per (user, provider), id v5 {@code user_api_key:{user}:{provider}}. */
public interface ApiKeyRepository {

    /** Stores or replaces the user's key for the provider. */
    ApiKey save(UUID userId, String provider, EncryptedSecret secret);

    Optional<EncryptedSecret> findSecret(UUID userId, String provider);

    /** Metadata of the user's keys, by provider. */
    List<ApiKey> list(UUID userId);

    boolean delete(UUID userId, String provider);

    /** Records that the key was just used successfully. */
    void markUsed(UUID userId, String provider);
}
