package io.tzurot.core.apikey;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Use case: decrypt a user's credential when needed; expired or undecryptable credentials count as absent. */
public final class RevealCredential {

    private static final Logger LOG = LoggerFactory.getLogger(RevealCredential.class);

    private final UserCredentialRepository credentials;
    private final ApiKeyCipher cipher;
    private final Clock clock;

    public RevealCredential(UserCredentialRepository credentials, ApiKeyCipher cipher, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The plaintext credential, or empty when missing, expired or undecryptable. */
    public Optional<String> execute(UUID userId, String service, String credentialType) {
        boolean expired = credentials.find(userId, service, credentialType)
                .map(c -> c.expiresAt() != null && !clock.instant().isBefore(c.expiresAt()))
                .orElse(false);
        if (expired) {
            return Optional.empty();
        }
        return credentials.findSecret(userId, service, credentialType).flatMap(secret -> {
            try {
                return Optional.of(cipher.decrypt(secret));
            } catch (SecretDecryptionException e) {
                LOG.warn("stored {}/{} credential of user {} cannot be decrypted ({}); treating it as absent",
                        service, credentialType, userId, e.getMessage());
                return Optional.empty();
            }
        });
    }
}
