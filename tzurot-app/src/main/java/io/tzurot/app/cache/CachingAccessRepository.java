package io.tzurot.app.cache;

import io.tzurot.core.access.AccessRepository;
import io.tzurot.core.access.AccessUser;
import io.tzurot.core.access.ApiToken;
import io.tzurot.core.access.LoginLinkRecord;
import io.tzurot.core.access.Session;
import io.tzurot.core.messaging.EventTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens looked up by hash through a short-lived cache, so an API request costs no database read: revoking a
 * token announces an {@link EventTopic#ACCESS_TOKEN} change (here and, with Redis, in every api process), and a
 * revocation made outside the system (SQL by hand) is honoured within {@link #TTL}. Sessions, login links and
 * listings are read straight through; they are rare.
 */
public final class CachingAccessRepository implements AccessRepository {

    /** How long a token found (or not found) may be reused without asking the database. */
    public static final Duration TTL = Duration.ofSeconds(30);

    private final AccessRepository delegate;
    private final RepositoryCache cache;
    // "last used" as this process last wrote it, so a cached token does not look stale and get written every request
    private final Map<UUID, Instant> lastMarked = new ConcurrentHashMap<>();

    public CachingAccessRepository(AccessRepository delegate, CacheContext context) {
        this.delegate = delegate;
        this.cache = new RepositoryCache(new CacheContext(context.bus(), context.epoch(), TTL, context.catalog()),
                "api_token", 100_000, EventTopic.ACCESS_TOKEN);
    }

    @Override
    public Optional<ApiToken> findTokenByHash(String secretHash) {
        Optional<ApiToken> token = cache.get(() -> delegate.findTokenByHash(secretHash), "hash", secretHash);
        return token.map(this::withLastMarked);
    }

    @Override
    public void markTokenUsed(UUID tokenId, Instant at) {
        delegate.markTokenUsed(tokenId, at);
        lastMarked.put(tokenId, at);
    }

    @Override
    public boolean deleteToken(UUID tokenId) {
        lastMarked.remove(tokenId);
        return cache.write(() -> delegate.deleteToken(tokenId));
    }

    private ApiToken withLastMarked(ApiToken token) {
        Instant marked = lastMarked.get(token.id());
        if (marked == null || token.lastUsedAt().map(at -> !at.isBefore(marked)).orElse(false)) {
            return token;
        }
        return new ApiToken(token.id(), token.userId(), token.discordId(), token.label(), token.hint(), token.owner(),
                token.createdAt(), Optional.of(marked));
    }

    @Override
    public AccessUser ensureUser(String discordId) {
        return delegate.ensureUser(discordId);
    }

    @Override
    public Optional<AccessUser> findUser(UUID userId) {
        return delegate.findUser(userId);
    }

    @Override
    public void insertToken(ApiToken token, String secretHash) {
        // no announcement: a new secret is random, so no one can have looked its hash up (and cached "absent") before
        delegate.insertToken(token, secretHash);
    }

    @Override
    public Optional<ApiToken> findToken(UUID tokenId) {
        return delegate.findToken(tokenId);
    }

    @Override
    public List<ApiToken> listTokens(UUID userId) {
        return delegate.listTokens(userId);
    }

    @Override
    public List<ApiToken> listAllTokens() {
        return delegate.listAllTokens();
    }

    @Override
    public void insertSession(Session session) {
        delegate.insertSession(session);
    }

    @Override
    public Optional<Session> findSession(String idHash) {
        return delegate.findSession(idHash);
    }

    @Override
    public boolean deleteSession(String idHash) {
        return delegate.deleteSession(idHash);
    }

    @Override
    public int deleteExpiredSessions(Instant now) {
        return delegate.deleteExpiredSessions(now);
    }

    @Override
    public void insertLoginLink(LoginLinkRecord link) {
        delegate.insertLoginLink(link);
    }

    @Override
    public Optional<LoginLinkRecord> findLoginLink(String secretHash) {
        return delegate.findLoginLink(secretHash);
    }

    @Override
    public boolean markLoginLinkUsed(String secretHash, Instant at) {
        return delegate.markLoginLinkUsed(secretHash, at);
    }

    @Override
    public int deleteExpiredLoginLinks(Instant now) {
        return delegate.deleteExpiredLoginLinks(now);
    }
}
