package io.tzurot.core.usage;

import java.util.List;
import java.util.Objects;

/** Every user's usage over a period: the grand total, then per user, character and model, heaviest first. */
public record UsageSummary(UsageTotals total, long guestRequests, List<UsageGroup> byUser,
                           List<UsageGroup> byPersonality, List<UsageGroup> byModel) {

    public UsageSummary {
        Objects.requireNonNull(total, "total");
        byUser = List.copyOf(byUser);
        byPersonality = List.copyOf(byPersonality);
        byModel = List.copyOf(byModel);
    }
}
