package io.tzurot.core.apikey;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Use case: decrypt a user's provider key at the moment of use; a key that cannot be decrypted counts as absent. */
public final class RevealApiKey {

    private static final Logger LOG = LoggerFactory.getLogger(RevealApiKey.class);

    private final ApiKeyRepository keys;
    private final ApiKeyCipher cipher;

    public RevealApiKey(ApiKeyRepository keys, ApiKeyCipher cipher) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** The plaintext key, or empty when none is stored or it cannot be decrypted. */
    public Optional<String> execute(UUID userId, String provider) {
        String p = StoreApiKey.normaliseProvider(provider);
        return keys.findSecret(userId, p).flatMap(secret -> {
            try {
                return Optional.of(cipher.decrypt(secret));
            } catch (SecretDecryptionException e) {
                LOG.warn("stored {} key of user {} cannot be decrypted ({}); treating it as absent", p, userId, e.getMessage());
                return Optional.empty();
            }
        });
    }
}
