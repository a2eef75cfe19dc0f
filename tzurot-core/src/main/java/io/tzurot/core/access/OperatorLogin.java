package io.tzurot.core.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The operator's way into the console: a single-use login link, printed at start-up, that turns into a
 * server-side session with the owner's rights. Links and sessions are stored hashed.
 */
public final class OperatorLogin {

    /** How long a printed link stays usable. */
    public static final Duration LINK_LIFETIME = Duration.ofMinutes(10);
    /** How long a console session lasts before the operator needs a new link. */
    public static final Duration SESSION_LIFETIME = Duration.ofDays(7);
    /**
     * The operator's Discord id when {@code BOT_OWNER_ID} is not configured: no Discord account has id 0
     * (snowflakes count from 2015), so this local operator never collides with a real user.
     */
    public static final String LOCAL_OPERATOR_DISCORD_ID = "0";

    private final AccessRepository repository;
    private final AccessSecrets secrets;
    private final Clock clock;
    private final String operatorDiscordId;

    /**
     * @param operatorDiscordId {@code BOT_OWNER_ID}, or {@link #LOCAL_OPERATOR_DISCORD_ID} when unset
     */
    public OperatorLogin(AccessRepository repository, AccessSecrets secrets, Clock clock, String operatorDiscordId) {
        this.repository = repository;
        this.secrets = secrets;
        this.clock = clock;
        this.operatorDiscordId = DiscordIds.require(operatorDiscordId);
    }

    /** Issues a new link for the operator and clears expired sessions and links on the way. */
    public LoginLink issueLink() {
        Instant now = now();
        repository.deleteExpiredSessions(now);
        repository.deleteExpiredLoginLinks(now);
        AccessUser operator = repository.ensureUser(operatorDiscordId);
        String secret = secrets.newSecret(AccessSecrets.LOGIN_PREFIX);
        Instant expires = now.plus(LINK_LIFETIME);
        repository.insertLoginLink(new LoginLinkRecord(AccessSecrets.hash(secret), operator.id(), true, now, expires,
                Optional.empty()));
        return new LoginLink(secret, expires);
    }

    /** Uses the link once: a session when it is valid, otherwise why not. */
    public LoginRedemption redeem(String secret) {
        if (!AccessSecrets.looksLike(secret, AccessSecrets.LOGIN_PREFIX)) {
            return new LoginRedemption.Unknown();
        }
        String hash = AccessSecrets.hash(secret);
        Optional<LoginLinkRecord> found = repository.findLoginLink(hash);
        if (found.isEmpty()) {
            return new LoginRedemption.Unknown();
        }
        LoginLinkRecord link = found.get();
        Instant now = now();
        if (link.usedAt().isPresent()) {
            return new LoginRedemption.AlreadyUsed();
        }
        if (!now.isBefore(link.expiresAt())) {
            return new LoginRedemption.Expired();
        }
        if (!repository.markLoginLinkUsed(hash, now)) {
            return new LoginRedemption.AlreadyUsed();
        }
        String sessionSecret = secrets.newSecret(AccessSecrets.SESSION_PREFIX);
        Session session = new Session(AccessSecrets.hash(sessionSecret), link.userId(), link.owner(), now,
                now.plus(SESSION_LIFETIME));
        repository.insertSession(session);
        return new LoginRedemption.SignedIn(sessionSecret, session);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
