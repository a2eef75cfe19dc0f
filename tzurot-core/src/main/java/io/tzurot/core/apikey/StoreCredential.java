package io.tzurot.core.apikey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Use case: encrypt and store a user's third-party credential. */
public final class StoreCredential {

    private final UserCredentialRepository credentials;
    private final ApiKeyCipher cipher;

    public StoreCredential(UserCredentialRepository credentials, ApiKeyCipher cipher) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** @throws IllegalArgumentException for a blank secret or service/type names that are not 1-50 characters */
    public UserCredential execute(UUID userId, String service, String credentialType, String secret, Instant expiresAt) {
        Objects.requireNonNull(userId, "userId");
        checkName("service", service);
        checkName("credentialType", credentialType);
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("credential must not be empty");
        }
        return credentials.save(userId, service, credentialType, cipher.encrypt(secret), expiresAt);
    }

    static void checkName(String field, String value) {
        if (value == null || !value.matches("[a-z0-9_-]{1,50}")) {
            throw new IllegalArgumentException(field + " must be 1-50 characters of a-z, 0-9, '_' or '-'");
        }
    }
}
