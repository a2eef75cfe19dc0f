package io.tzurot.core.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: encrypted third-party credentials, one per (user, service, type). */
public interface UserCredentialRepository {

    /** Stores or replaces the credential; {@code expiresAt} may be null. */
    UserCredential save(UUID userId, String service, String credentialType, EncryptedSecret secret, Instant expiresAt);

    /** Metadata of one credential. */
    Optional<UserCredential> find(UUID userId, String service, String credentialType);

    Optional<EncryptedSecret> findSecret(UUID userId, String service, String credentialType);

    List<UserCredential> list(UUID userId);

    boolean delete(UUID userId, String service, String credentialType);

    void markUsed(UUID userId, String service, String credentialType);
}
