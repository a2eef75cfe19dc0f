package io.tzurot.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Storage port for access control: users by Discord id, hashed bearer tokens, hashed console
 * sessions and one-time login links. Secrets never reach it, only their SHA-256 hashes.
 */
public interface AccessRepository {

    /**
     * The user with this Discord id, created first when missing (id = {@code DeterministicIds.user(discordId)},
     * username = the Discord id), so that concurrent callers agree on one row.
     */
    AccessUser ensureUser(String discordId);

    Optional<AccessUser> findUser(UUID userId);

    /** Stores a new token; {@code token.discordId()} is not stored, it is read back from the user row. */
    void insertToken(ApiToken token, String secretHash);

    Optional<ApiToken> findTokenByHash(String secretHash);

    Optional<ApiToken> findToken(UUID tokenId);

    /** The user's tokens, newest first. */
    List<ApiToken> listTokens(UUID userId);

    /** Every user's tokens, newest first (for the bot owner). */
    List<ApiToken> listAllTokens();

    /** Removes the token; false when there was none. */
    boolean deleteToken(UUID tokenId);

    void markTokenUsed(UUID tokenId, Instant at);

    void insertSession(Session session);

    Optional<Session> findSession(String idHash);

    /** Removes the session; false when there was none. */
    boolean deleteSession(String idHash);

    /** Removes sessions that expired at or before {@code now}; returns how many. */
    int deleteExpiredSessions(Instant now);

    void insertLoginLink(LoginLinkRecord link);

    Optional<LoginLinkRecord> findLoginLink(String secretHash);

    /** Marks an unused link used; true only for the one caller that used it (single use under concurrency). */
    boolean markLoginLinkUsed(String secretHash, Instant at);

    /** Removes links that expired at or before {@code now}; returns how many. */
    int deleteExpiredLoginLinks(Instant now);
}
