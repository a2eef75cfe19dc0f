package io.tzurot.core.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Turns a bearer token or a session cookie into the {@link Actor} a request acts as. */
public final class Authenticating {

    // "last used" is for people, so one write per minute per token is precise enough
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final AccessRepository repository;
    private final Clock clock;

    public Authenticating(AccessRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The actor behind a bearer token, or empty when the token is malformed, unknown or revoked. */
    public Optional<Actor> byBearerToken(String token) {
        if (!AccessSecrets.looksLike(token, AccessSecrets.TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return repository.findTokenByHash(AccessSecrets.hash(token)).map(found -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            boolean stale = found.lastUsedAt().map(at -> at.plus(LAST_USED_GRANULARITY).isBefore(now)).orElse(true);
            if (stale) {
                repository.markTokenUsed(found.id(), now);
            }
            return new Actor(found.userId(), found.discordId(), found.owner());
        });
    }

    /** The actor behind a session cookie, or empty when it is malformed, unknown, signed out or expired. */
    public Optional<Actor> bySession(String sessionSecret) {
        if (!AccessSecrets.looksLike(sessionSecret, AccessSecrets.SESSION_PREFIX)) {
            return Optional.empty();
        }
        String hash = AccessSecrets.hash(sessionSecret);
        Optional<Session> session = repository.findSession(hash);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        if (session.get().expiredAt(clock.instant())) {
            repository.deleteSession(hash);
            return Optional.empty();
        }
        return repository.findUser(session.get().userId())
                .map(user -> new Actor(user.id(), user.discordId(), session.get().owner()));
    }

    /** Ends the session; signing out twice, or with a malformed cookie, does nothing. */
    public void signOut(String sessionSecret) {
        if (AccessSecrets.looksLike(sessionSecret, AccessSecrets.SESSION_PREFIX)) {
            repository.deleteSession(AccessSecrets.hash(sessionSecret));
        }
    }
}
