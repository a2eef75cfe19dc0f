package io.tzurot.app.wiring;

import io.tzurot.core.limits.CurrentRateLimits;
import io.tzurot.core.limits.MessageClaims;
import io.tzurot.core.limits.RateLimiting;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.discord.bot.MessageGuards;
import io.tzurot.storage.limits.JdbiRateLimitsRepository;
import java.time.Clock;

/** The bot owner's rate limits (stored with the admin settings) and the message claims, over the shared key store. */
final class LimitsWiring {

    private LimitsWiring() {
    }

    /** The limits in force, re-read every {@link CurrentRateLimits#REFRESH}. */
    static CurrentRateLimits current(Repositories repos, Clock clock) {
        return new CurrentRateLimits(new JdbiRateLimitsRepository(repos.database().jdbi(), repos.adminSettings(), clock),
                clock);
    }

    /** The bot owner's view and edits of the limits ({@code /api/v1/admin/rate-limits}). */
    static io.tzurot.core.limits.EditingRateLimits editing(Repositories repos, Clock clock) {
        return new io.tzurot.core.limits.EditingRateLimits(new JdbiRateLimitsRepository(repos.database().jdbi(),
                repos.adminSettings(), clock));
    }

    /** What the Discord gateway checks before answering a message or running a command. */
    static MessageGuards guards(Repositories repos, EphemeralKeyStore keys, Clock clock) {
        return new MessageGuards(new MessageClaims(keys), new RateLimiting(keys, current(repos, clock)));
    }
}
