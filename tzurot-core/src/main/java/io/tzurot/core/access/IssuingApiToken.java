package io.tzurot.core.access;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates bearer tokens: for a Discord user from the command line ({@code tzurot token create --user ID
 * [--owner]}), or for the signed-in actor from the console and the API. The secret is returned once and
 * stored only as its SHA-256 hash.
 */
public final class IssuingApiToken {

    /** Longest label a token may carry. */
    public static final int MAX_LABEL_LENGTH = 100;
    /** Label of tokens made on the command line without one. */
    public static final String CLI_LABEL = "command line";

    private final AccessRepository repository;
    private final AccessSecrets secrets;
    private final Clock clock;

    public IssuingApiToken(AccessRepository repository, AccessSecrets secrets, Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Issues a token for the user with this Discord id, creating the user row when missing. This is
     * the operator's command-line path, so it may grant owner rights.
     *
     * @throws IllegalArgumentException when the Discord id or the label is invalid
     */
    public IssuedApiToken issueForDiscordUser(String discordId, boolean owner, String label) {
        DiscordIds.require(discordId);
        String checkedLabel = checkLabel(label == null ? CLI_LABEL : label);
        AccessUser user = repository.ensureUser(discordId);
        return issue(user, checkedLabel, owner);
    }

    /**
     * Issues a token for the actor itself.
     *
     * @throws AccessDeniedException when an owner token is asked for by someone who is not the owner
     * @throws IllegalArgumentException when the label is invalid
     */
    public IssuedApiToken issueFor(Actor actor, String label, boolean owner) {
        if (owner && !actor.owner()) {
            throw new AccessDeniedException("only the bot owner may create owner tokens");
        }
        return issue(new AccessUser(actor.userId(), actor.discordId()), checkLabel(label), owner);
    }

    private IssuedApiToken issue(AccessUser user, String label, boolean owner) {
        String secret = secrets.newSecret(AccessSecrets.TOKEN_PREFIX);
        // millisecond precision, as stored, so the returned record equals what a later read gives
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ApiToken token = new ApiToken(UUID.randomUUID(), user.id(), user.discordId(), label, AccessSecrets.hint(secret),
                owner, now, Optional.empty());
        repository.insertToken(token, AccessSecrets.hash(secret));
        return new IssuedApiToken(token, secret);
    }

    /** Trims the label and checks it is 1 to {@value #MAX_LABEL_LENGTH} characters. */
    public static String checkLabel(String label) {
        String trimmed = label == null ? "" : label.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a token needs a label (1-" + MAX_LABEL_LENGTH + " characters) saying what it is for");
        }
        if (trimmed.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("a token label is at most " + MAX_LABEL_LENGTH + " characters, got " + trimmed.length());
        }
        return trimmed;
    }
}
