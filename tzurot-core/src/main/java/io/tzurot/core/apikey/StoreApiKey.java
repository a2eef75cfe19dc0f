package io.tzurot.core.apikey;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** Use case: encrypt and store a user's provider key. The key's validity with the provider is checked by the caller. */
public final class StoreApiKey {

    private final ApiKeyRepository keys;
    private final ApiKeyCipher cipher;

    public StoreApiKey(ApiKeyRepository keys, ApiKeyCipher cipher) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** @throws IllegalArgumentException for a blank key or a provider name that is not 1-20 lowercase characters */
    public ApiKey execute(UUID userId, String provider, String plaintextKey) {
        Objects.requireNonNull(userId, "userId");
        String p = normaliseProvider(provider);
        if (plaintextKey == null || plaintextKey.isBlank()) {
            throw new IllegalArgumentException("API key must not be empty");
        }
        return keys.save(userId, p, cipher.encrypt(plaintextKey.trim()));
    }

    static String normaliseProvider(String provider) {
        String p = provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
        if (!p.matches("[a-z0-9_-]{1,20}")) {
            throw new IllegalArgumentException("provider must be 1-20 characters of a-z, 0-9, '_' or '-'");
        }
        return p;
    }
}
