package io.tzurot.core.access;

import java.time.Clock;

/** The access use cases wired over one repository, as the HTTP layer and the command line need them. */
public record AccessServices(Authenticating authenticating, IssuingApiToken issuing, ManagingApiTokens tokens,
                             OperatorLogin operatorLogin) {

    /**
     * @param operatorDiscordId {@code BOT_OWNER_ID}, or {@link OperatorLogin#LOCAL_OPERATOR_DISCORD_ID} when unset
     */
    public static AccessServices create(AccessRepository repository, Clock clock, String operatorDiscordId) {
        AccessSecrets secrets = new AccessSecrets();
        return new AccessServices(new Authenticating(repository, clock), new IssuingApiToken(repository, secrets, clock),
                new ManagingApiTokens(repository), new OperatorLogin(repository, secrets, clock, operatorDiscordId));
    }
}
