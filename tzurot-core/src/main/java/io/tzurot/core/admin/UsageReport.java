package io.tzurot.core.admin;

import io.tzurot.core.usage.UsageSummary;
import java.time.Instant;
import java.util.Objects;

/** Every user's usage over a period ending at {@code to}. */
public record UsageReport(UsagePeriod period, Instant from, Instant to, UsageSummary summary) {

    public UsageReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(summary, "summary");
    }
}
