package io.tzurot.storage.apikey;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.now;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.apikey.EncryptedSecret;
import io.tzurot.core.apikey.UserCredential;
import io.tzurot.core.apikey.UserCredentialRepository;
import io.tzurot.core.id.DeterministicIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link UserCredentialRepository} on JDBI; stores only ciphertext, never plaintext. */
public final class JdbiUserCredentialRepository implements UserCredentialRepository {

    private static final String METADATA = "id, user_id, service, credential_type, expires_at, last_used_at, created_at, updated_at";
    private static final String KEY = "user_id = :user AND service = :service AND credential_type = :type";

    private static final RowMapper<UserCredential> MAPPER = (rs, ctx) -> new UserCredential(uuid(rs, "id"),
            uuid(rs, "user_id"), rs.getString("service"), rs.getString("credential_type"), instant(rs, "expires_at"),
            instant(rs, "last_used_at"), instant(rs, "created_at"), instant(rs, "updated_at"));

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiUserCredentialRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public UserCredential save(UUID userId, String service, String credentialType, EncryptedSecret secret, Instant expiresAt) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(credentialType, "credentialType");
        Objects.requireNonNull(secret, "secret");
        return jdbi.inTransaction(h -> {
            h.createUpdate("MERGE INTO user_credentials t USING (SELECT 1 AS one) s"
                            + " ON (t.user_id = :user AND t.service = :service AND t.credential_type = :type)"
                            + " WHEN MATCHED THEN UPDATE SET iv = :iv, content = :content, tag = :tag, expires_at = :expiresAt,"
                            + " updated_at = :now"
                            + " WHEN NOT MATCHED THEN INSERT (id, user_id, service, credential_type, iv, content, tag, expires_at,"
                            + " created_at, updated_at) VALUES (:id, :user, :service, :type, :iv, :content, :tag, :expiresAt,"
                            + " :now, :now)")
                    .bind("id", DeterministicIds.userCredential(userId, service, credentialType))
                    .bind("user", userId).bind("service", service).bind("type", credentialType)
                    .bind("iv", secret.iv()).bind("content", secret.content()).bind("tag", secret.tag())
                    .bindByType("expiresAt", expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS), Instant.class)
                    .bind("now", now(clock)).execute();
            return find(h, userId, service, credentialType).orElseThrow();
        });
    }

    @Override
    public Optional<UserCredential> find(UUID userId, String service, String credentialType) {
        return jdbi.withHandle(h -> find(h, userId, service, credentialType));
    }

    @Override
    public Optional<EncryptedSecret> findSecret(UUID userId, String service, String credentialType) {
        return jdbi.withHandle(h -> h.createQuery("SELECT iv, content, tag FROM user_credentials WHERE " + KEY)
                .bind("user", userId).bind("service", service).bind("type", credentialType)
                .map((rs, ctx) -> new EncryptedSecret(rs.getString("iv"), rs.getString("content"), rs.getString("tag")))
                .findOne());
    }

    @Override
    public List<UserCredential> list(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + METADATA + " FROM user_credentials WHERE user_id = :user"
                        + " ORDER BY service, credential_type")
                .bind("user", userId).map(MAPPER).list());
    }

    @Override
    public boolean delete(UUID userId, String service, String credentialType) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM user_credentials WHERE " + KEY)
                .bind("user", userId).bind("service", service).bind("type", credentialType).execute()) > 0;
    }

    @Override
    public void markUsed(UUID userId, String service, String credentialType) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE user_credentials SET last_used_at = :now WHERE " + KEY)
                .bind("now", now(clock)).bind("user", userId).bind("service", service).bind("type", credentialType).execute());
    }

    private static Optional<UserCredential> find(Handle h, UUID userId, String service, String credentialType) {
        return h.createQuery("SELECT " + METADATA + " FROM user_credentials WHERE " + KEY)
                .bind("user", userId).bind("service", service).bind("type", credentialType).map(MAPPER).findOne();
    }
}
