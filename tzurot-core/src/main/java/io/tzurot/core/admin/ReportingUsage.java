package io.tzurot.core.admin;

import io.tzurot.core.access.Actor;
import io.tzurot.core.usage.UsageLogRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Use case: the bot owner's usage report of every user over a period (the reply usage log). */
public final class ReportingUsage {

    /** How many users, characters and models each report lists at most. */
    public static final int TOP = 10;

    private final UsageLogRepository usage;
    private final Clock clock;

    public ReportingUsage(UsageLogRepository usage, Clock clock) {
        this.usage = Objects.requireNonNull(usage, "usage");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws io.tzurot.core.failure.DomainException forbidden for anyone but the bot owner; invalid period */
    public UsageReport report(Actor actor, String period) {
        BotOwnerOnly.require(actor);
        UsagePeriod p = UsagePeriod.parse(period);
        Instant to = clock.instant().plusMillis(1);
        Instant from = to.minus(p.length());
        return new UsageReport(p, from, to, usage.summary(from, to, TOP));
    }
}
