package io.tzurot.storage.access;

import io.tzurot.core.access.AccessRepository;
import io.tzurot.core.access.AccessUser;
import io.tzurot.core.access.ApiToken;
import io.tzurot.core.access.LoginLinkRecord;
import io.tzurot.core.access.Session;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/** {@link AccessRepository} on JDBI, for H2 and PostgreSQL alike (tables of migration V4). */
public final class JdbiAccessRepository implements AccessRepository {

    private static final String TOKEN_COLUMNS = "t.id, t.user_id, u.discord_id, t.label, t.hint, t.is_owner, t.created_at, t.last_used_at";
    private static final String TOKEN_FROM = " FROM api_tokens t JOIN users u ON u.id = t.user_id";

    private final Jdbi jdbi;

    public JdbiAccessRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public AccessUser ensureUser(String discordId) {
        Optional<AccessUser> existing = findUserByDiscordId(discordId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO users (id, discord_id, username) VALUES (:id, :discordId, :username)")
                    .bind("id", DeterministicIds.user(discordId))
                    .bind("discordId", discordId)
                    .bind("username", discordId)
                    .execute());
        } catch (StatementException e) {
            // a concurrent caller inserted the same user first; its row is the one we want
            return findUserByDiscordId(discordId).orElseThrow(() -> e);
        }
        return new AccessUser(DeterministicIds.user(discordId), discordId);
    }

    private Optional<AccessUser> findUserByDiscordId(String discordId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, discord_id FROM users WHERE discord_id = :discordId")
                .bind("discordId", discordId)
                .map((rs, ctx) -> new AccessUser(rs.getObject("id", UUID.class), rs.getString("discord_id")))
                .findOne());
    }

    @Override
    public Optional<AccessUser> findUser(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, discord_id FROM users WHERE id = :id")
                .bind("id", userId)
                .map((rs, ctx) -> new AccessUser(rs.getObject("id", UUID.class), rs.getString("discord_id")))
                .findOne());
    }

    @Override
    public void insertToken(ApiToken token, String secretHash) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_tokens (id, user_id, token_hash, label, hint, is_owner, created_at, last_used_at)"
                        + " VALUES (:id, :userId, :hash, :label, :hint, :owner, :createdAt, :lastUsedAt)")
                .bind("id", token.id())
                .bind("userId", token.userId())
                .bind("hash", secretHash)
                .bind("label", token.label())
                .bind("hint", token.hint())
                .bind("owner", token.owner())
                .bind("createdAt", utc(token.createdAt()))
                .bind("lastUsedAt", token.lastUsedAt().map(JdbiAccessRepository::utc).orElse(null))
                .execute());
    }

    @Override
    public Optional<ApiToken> findTokenByHash(String secretHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + TOKEN_COLUMNS + TOKEN_FROM + " WHERE t.token_hash = :hash")
                .bind("hash", secretHash)
                .map((rs, ctx) -> token(rs))
                .findOne());
    }

    @Override
    public Optional<ApiToken> findToken(UUID tokenId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + TOKEN_COLUMNS + TOKEN_FROM + " WHERE t.id = :id")
                .bind("id", tokenId)
                .map((rs, ctx) -> token(rs))
                .findOne());
    }

    @Override
    public List<ApiToken> listTokens(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + TOKEN_COLUMNS + TOKEN_FROM
                        + " WHERE t.user_id = :userId ORDER BY t.created_at DESC, t.id")
                .bind("userId", userId)
                .map((rs, ctx) -> token(rs))
                .list());
    }

    @Override
    public List<ApiToken> listAllTokens() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + TOKEN_COLUMNS + TOKEN_FROM + " ORDER BY t.created_at DESC, t.id")
                .map((rs, ctx) -> token(rs))
                .list());
    }

    @Override
    public boolean deleteToken(UUID tokenId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_tokens WHERE id = :id").bind("id", tokenId).execute()) > 0;
    }

    @Override
    public void markTokenUsed(UUID tokenId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_tokens SET last_used_at = :at WHERE id = :id")
                .bind("at", utc(at))
                .bind("id", tokenId)
                .execute());
    }

    @Override
    public void insertSession(Session session) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO web_sessions (id_hash, user_id, is_owner, created_at, expires_at)"
                        + " VALUES (:hash, :userId, :owner, :createdAt, :expiresAt)")
                .bind("hash", session.idHash())
                .bind("userId", session.userId())
                .bind("owner", session.owner())
                .bind("createdAt", utc(session.createdAt()))
                .bind("expiresAt", utc(session.expiresAt()))
                .execute());
    }

    @Override
    public Optional<Session> findSession(String idHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id_hash, user_id, is_owner, created_at, expires_at FROM web_sessions"
                        + " WHERE id_hash = :hash")
                .bind("hash", idHash)
                .map((rs, ctx) -> new Session(rs.getString("id_hash"), rs.getObject("user_id", UUID.class),
                        rs.getBoolean("is_owner"), instant(rs, "created_at"), instant(rs, "expires_at")))
                .findOne());
    }

    @Override
    public boolean deleteSession(String idHash) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM web_sessions WHERE id_hash = :hash").bind("hash", idHash).execute()) > 0;
    }

    @Override
    public int deleteExpiredSessions(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM web_sessions WHERE expires_at <= :now").bind("now", utc(now)).execute());
    }

    @Override
    public void insertLoginLink(LoginLinkRecord link) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO login_links (secret_hash, user_id, is_owner, created_at, expires_at, used_at)"
                        + " VALUES (:hash, :userId, :owner, :createdAt, :expiresAt, :usedAt)")
                .bind("hash", link.secretHash())
                .bind("userId", link.userId())
                .bind("owner", link.owner())
                .bind("createdAt", utc(link.createdAt()))
                .bind("expiresAt", utc(link.expiresAt()))
                .bind("usedAt", link.usedAt().map(JdbiAccessRepository::utc).orElse(null))
                .execute());
    }

    @Override
    public Optional<LoginLinkRecord> findLoginLink(String secretHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT secret_hash, user_id, is_owner, created_at, expires_at, used_at"
                        + " FROM login_links WHERE secret_hash = :hash")
                .bind("hash", secretHash)
                .map((rs, ctx) -> new LoginLinkRecord(rs.getString("secret_hash"), rs.getObject("user_id", UUID.class),
                        rs.getBoolean("is_owner"), instant(rs, "created_at"), instant(rs, "expires_at"),
                        Optional.ofNullable(Sql.instant(rs, "used_at"))))
                .findOne());
    }

    @Override
    public boolean markLoginLinkUsed(String secretHash, Instant at) {
        // the "used_at IS NULL" guard makes the update itself the single-use check
        return jdbi.withHandle(h -> h.createUpdate("UPDATE login_links SET used_at = :at WHERE secret_hash = :hash AND used_at IS NULL")
                .bind("at", utc(at))
                .bind("hash", secretHash)
                .execute()) == 1;
    }

    @Override
    public int deleteExpiredLoginLinks(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM login_links WHERE expires_at <= :now").bind("now", utc(now)).execute());
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("discord_id"),
                rs.getString("label"), rs.getString("hint"), rs.getBoolean("is_owner"), instant(rs, "created_at"),
                Optional.ofNullable(Sql.instant(rs, "last_used_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant value = Sql.instant(rs, column);
        if (value == null) {
            throw new SQLException(column + " is NULL but declared NOT NULL");
        }
        return value;
    }

    // bound as an offset date-time so neither driver reinterprets it in the JVM's time zone
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
