package io.tzurot.app.admin;

import io.tzurot.core.admin.FleetHeartbeats;
import io.tzurot.core.admin.Heartbeat;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes this process's heartbeat at once and every {@link FleetHeartbeats#INTERVAL} (a key with a TTL, so a dead
 * process drops out of {@code /admin health}); removes it at a clean stop.
 */
public final class HeartbeatWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatWriter.class);

    private final FleetHeartbeats heartbeats;
    private final String processId;
    private final String roles;
    private final String version;
    private final Supplier<OptionalLong> queueLag;
    private final Clock clock;
    private final Instant startedAt;
    private final ScheduledExecutorService timer;

    private HeartbeatWriter(FleetHeartbeats heartbeats, String processId, String roles, String version,
                            Supplier<OptionalLong> queueLag, Clock clock) {
        this.heartbeats = Objects.requireNonNull(heartbeats, "heartbeats");
        this.processId = processId;
        this.roles = roles;
        this.version = version;
        this.queueLag = Objects.requireNonNull(queueLag, "queueLag");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startedAt = clock.instant();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts beating: one beat now, then one per interval. */
    public static HeartbeatWriter start(FleetHeartbeats heartbeats, String processId, String roles, String version,
                                        Supplier<OptionalLong> queueLag, Clock clock) {
        HeartbeatWriter writer = new HeartbeatWriter(heartbeats, processId, roles, version, queueLag, clock);
        writer.beat();
        long every = FleetHeartbeats.INTERVAL.toMillis();
        writer.timer.scheduleWithFixedDelay(writer::beat, every, every, TimeUnit.MILLISECONDS);
        return writer;
    }

    /** Writes one beat; a failure (Redis away) is logged and the next beat tries again. */
    void beat() {
        try {
            OptionalLong lag;
            try {
                lag = queueLag.get();
            } catch (RuntimeException e) {
                lag = OptionalLong.empty();
            }
            heartbeats.beat(new Heartbeat(processId, roles, version, startedAt, clock.instant(), lag));
        } catch (RuntimeException e) {
            LOG.warn("heartbeat not written: {}", e.toString());
        }
    }

    public String processId() {
        return processId;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            heartbeats.stop(processId);
        } catch (RuntimeException e) {
            LOG.debug("heartbeat not removed: {}", e.toString()); // it expires on its own
        }
    }
}
