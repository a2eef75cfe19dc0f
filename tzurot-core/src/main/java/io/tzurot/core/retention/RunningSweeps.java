package io.tzurot.core.retention;

import io.tzurot.core.messaging.EphemeralKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the fleet's retention sweeps, each at most once per {@code period} across every worker: a worker takes a
 * sweep's lock in the shared key store ({@code SET NX} with the period as TTL on Redis) and only the taker runs it.
 * The lock is not released after the run: it marks the period as done, so the next worker to look skips it.
 */
public final class RunningSweeps {

    private static final Logger LOG = LoggerFactory.getLogger(RunningSweeps.class);

    private final List<Sweep> sweeps;
    private final EphemeralKeyStore keys;
    private final Clock clock;
    private final Duration period;
    private final String worker;

    /**
     * @param sweeps the named sweeps (names unique), e.g. {@link RetentionSweeps#standard} plus any others
     * @param worker this worker's name, stored in the lock (for operators looking at Redis)
     */
    public RunningSweeps(List<Sweep> sweeps, EphemeralKeyStore keys, Clock clock, Duration period, String worker) {
        this.sweeps = List.copyOf(sweeps);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.period = Objects.requireNonNull(period, "period");
        this.worker = Objects.requireNonNull(worker, "worker");
        Set<String> names = new HashSet<>();
        for (Sweep sweep : this.sweeps) {
            if (!names.add(sweep.name())) {
                throw new IllegalArgumentException("two sweeps named " + sweep.name());
            }
        }
        if (period.toMillis() < 1) {
            throw new IllegalArgumentException("period must be at least 1 ms, got " + period);
        }
    }

    /**
     * Runs every sweep whose lock this worker takes; returns what each of them deleted, by name (sweeps another
     * worker holds are left out). A failing sweep is logged and the others still run.
     */
    public Map<String, Long> runDue() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (Sweep sweep : sweeps) {
            if (!keys.setIfAbsent("sweep:" + sweep.name(), worker, period)) {
                continue;
            }
            try {
                long count = sweep.run().applyAsLong(clock.instant());
                deleted.put(sweep.name(), count);
                LOG.info("retention sweep {} deleted {} rows", sweep.name(), count);
            } catch (RuntimeException e) {
                LOG.warn("retention sweep {} failed: {}", sweep.name(), e.getMessage());
            }
        }
        return deleted;
    }
}
