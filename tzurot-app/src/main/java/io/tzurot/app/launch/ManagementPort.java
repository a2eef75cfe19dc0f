package io.tzurot.app.launch;

import io.tzurot.app.config.ConfigException;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.config.Variable;
import io.tzurot.app.metrics.ManagementServer;
import io.tzurot.app.metrics.TzurotMetrics;
import io.tzurot.storage.db.Database;
import io.tzurot.web.health.HealthReport;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the management port ({@code /metrics}, {@code /health}) of a process that runs no api role. */
final class ManagementPort {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementPort.class);

    private ManagementPort() {
    }

    /**
     * The running server, or empty with {@code TZUROT_METRICS_PORT=off}. A port the operator chose that cannot be
     * bound stops start-up (exit 2); the default one being taken (a second process on one host) only warns, so
     * several workers can run side by side without configuration and the first one still serves metrics.
     */
    static Optional<ManagementServer> start(TzurotConfig config, TzurotMetrics metrics, Database database) {
        OptionalInt port = config.metricsPort();
        if (port.isEmpty()) {
            return Optional.empty();
        }
        String profile = config.profile().label();
        try {
            return Optional.of(ManagementServer.start(config.httpHost(), port.getAsInt(), metrics,
                    () -> HealthReport.of(Version.current(), profile, database.isUp())));
        } catch (IOException e) {
            String problem = "cannot listen on " + config.httpHost() + ":" + port.getAsInt() + " (" + e.getMessage() + ")";
            if (config.metricsPortIsDefault()) {
                LOG.warn("management port not opened: {}; set {} to a free port, 0 for any, or off", problem,
                        Variable.TZUROT_METRICS_PORT.name());
                return Optional.empty();
            }
            throw new ConfigException(Variable.TZUROT_METRICS_PORT.name() + "=" + port.getAsInt() + " (TZUROT_HTTP_HOST="
                    + config.httpHost() + ") is invalid: " + problem);
        }
    }
}
