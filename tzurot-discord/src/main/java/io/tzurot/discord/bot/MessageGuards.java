package io.tzurot.discord.bot;

import io.tzurot.core.limits.MessageClaims;
import io.tzurot.core.limits.RateLimiting;
import java.util.Objects;

/**
 * What keeps one message from being answered twice and one user from flooding the bot: the claim of each incoming
 * message and the per-user rate limits, both in the key store every gateway process shares.
 */
public record MessageGuards(MessageClaims claims, RateLimiting limits) {

    public MessageGuards {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(limits, "limits");
    }
}
