package io.tzurot.app.wiring;

import io.tzurot.core.admin.AdminServices;
import io.tzurot.core.admin.CleaningUp;
import io.tzurot.core.admin.FleetHeartbeats;
import io.tzurot.core.admin.ManagingPresence;
import io.tzurot.core.admin.MetricsSource;
import io.tzurot.core.admin.ReportingUsage;
import io.tzurot.core.cascade.EditingSettings;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.storage.usage.JdbiUsageLogRepository;
import java.time.Clock;

/** The admin use cases of one process, over its repositories and key store. */
public final class AdminWiring {

    private AdminWiring() {
    }

    public static AdminServices services(Repositories repos, EditingSettings settings, EphemeralKeyStore keys,
                                         MetricsSource metrics, Clock clock) {
        JdbiUsageLogRepository usage = new JdbiUsageLogRepository(repos.database());
        return new AdminServices(new ReportingUsage(usage, clock),
                new CleaningUp(repos.history(), repos.diagnostics(), usage, clock), new ManagingPresence(keys),
                new FleetHeartbeats(keys), metrics, settings);
    }
}
