package io.tzurot.core.admin;

import io.tzurot.core.access.Actor;
import io.tzurot.core.cascade.EditingSettings;
import java.util.List;
import java.util.Objects;

/** Everything {@code /admin}, the admin API and the console's Admin section call; each use case checks the owner. */
public record AdminServices(ReportingUsage usage, CleaningUp cleanup, ManagingPresence presence,
                            FleetHeartbeats fleet, MetricsSource metrics, EditingSettings settings) {

    public AdminServices {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cleanup, "cleanup");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(settings, "settings");
    }

    /** The main meters of this process, for the bot owner. */
    public List<MeterReading> meters(Actor actor) {
        BotOwnerOnly.require(actor);
        return metrics.read();
    }
}
