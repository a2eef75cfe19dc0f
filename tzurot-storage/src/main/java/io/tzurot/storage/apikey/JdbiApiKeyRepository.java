package io.tzurot.storage.apikey;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.now;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.apikey.ApiKey;
import io.tzurot.core.apikey.ApiKeyRepository;
import io.tzurot.core.apikey.EncryptedSecret;
import io.tzurot.core.id.DeterministicIds;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link ApiKeyRepository} on JDBI; stores only ciphertext, never plaintext. */
public final class JdbiApiKeyRepository implements ApiKeyRepository {

    private static final String METADATA = "id, user_id, provider, is_active, last_used_at, created_at, updated_at";

    private static final RowMapper<ApiKey> MAPPER = (rs, ctx) -> new ApiKey(uuid(rs, "id"), uuid(rs, "user_id"),
            rs.getString("provider"), rs.getBoolean("is_active"), instant(rs, "last_used_at"), instant(rs, "created_at"),
            instant(rs, "updated_at"));

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiApiKeyRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ApiKey save(UUID userId, String provider, EncryptedSecret secret) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(secret, "secret");
        return jdbi.inTransaction(h -> {
            h.createUpdate("MERGE INTO user_api_keys t USING (SELECT 1 AS one) s ON (t.user_id = :user AND t.provider = :provider)"
                            + " WHEN MATCHED THEN UPDATE SET iv = :iv, content = :content, tag = :tag, is_active = TRUE,"
                            + " updated_at = :now"
                            + " WHEN NOT MATCHED THEN INSERT (id, user_id, provider, iv, content, tag, created_at, updated_at)"
                            + " VALUES (:id, :user, :provider, :iv, :content, :tag, :now, :now)")
                    .bind("id", DeterministicIds.userApiKey(userId, provider)).bind("user", userId).bind("provider", provider)
                    .bind("iv", secret.iv()).bind("content", secret.content()).bind("tag", secret.tag())
                    .bind("now", now(clock)).execute();
            return find(h, userId, provider).orElseThrow();
        });
    }

    @Override
    public Optional<EncryptedSecret> findSecret(UUID userId, String provider) {
        return jdbi.withHandle(h -> h.createQuery("SELECT iv, content, tag FROM user_api_keys"
                        + " WHERE user_id = :user AND provider = :provider AND is_active = TRUE")
                .bind("user", userId).bind("provider", provider)
                .map((rs, ctx) -> new EncryptedSecret(rs.getString("iv"), rs.getString("content"), rs.getString("tag")))
                .findOne());
    }

    @Override
    public List<ApiKey> list(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + METADATA + " FROM user_api_keys WHERE user_id = :user ORDER BY provider")
                .bind("user", userId).map(MAPPER).list());
    }

    @Override
    public boolean delete(UUID userId, String provider) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM user_api_keys WHERE user_id = :user AND provider = :provider")
                .bind("user", userId).bind("provider", provider).execute()) > 0;
    }

    @Override
    public void markUsed(UUID userId, String provider) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE user_api_keys SET last_used_at = :now WHERE user_id = :user AND provider = :provider")
                .bind("now", now(clock)).bind("user", userId).bind("provider", provider).execute());
    }

    private static Optional<ApiKey> find(Handle h, UUID userId, String provider) {
        return h.createQuery("SELECT " + METADATA + " FROM user_api_keys WHERE user_id = :user AND provider = :provider")
                .bind("user", userId).bind("provider", provider).map(MAPPER).findOne();
    }
}
