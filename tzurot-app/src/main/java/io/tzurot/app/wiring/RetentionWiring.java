package io.tzurot.app.wiring;

import io.tzurot.app.config.TzurotConfig;
import io.tzurot.core.cascade.ResolveSettings;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.core.moderation.SweepingExpiredDenials;
import io.tzurot.core.retention.RetentionSweeps;
import io.tzurot.core.retention.RunningSweeps;
import io.tzurot.core.retention.Sweep;
import io.tzurot.core.retention.SweepingHistoryPastMaxAge;
import io.tzurot.storage.swipe.JdbiSwipeRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The worker's retention jobs: every {@link #PERIOD} each named sweep runs on one worker of the fleet (a lock in the
 * key store), first a minute after start. More sweeps (e.g. expired denials) join through {@link #sweeps}.
 */
public final class RetentionWiring {

    /** How often the sweeps run (once per fleet). */
    public static final Duration PERIOD = Duration.ofHours(1);

    private RetentionWiring() {
    }

    /** The named sweeps a worker runs: the built-in ones, then {@code more}. */
    public static List<Sweep> sweeps(TzurotConfig config, Repositories repos, List<Sweep> more) {
        List<Sweep> sweeps = new ArrayList<>(RetentionSweeps.standard(repos.history(), repos.diagnostics(),
                config.historyRetention()));
        // denials past their expiry stop applying at once (the gate checks the clock); this only removes the rows
        sweeps.add(new Sweep("denials", now -> new SweepingExpiredDenials(repos.denylist(),
                Clock.fixed(now, ZoneOffset.UTC)).sweep()));
        sweeps.add(new SweepingHistoryPastMaxAge(repos.history(), new ResolveSettings(repos.adminSettings(),
                repos.personalities(), repos.channels(), repos.users(), repos.userPersonalityConfigs())).asSweep());
        sweeps.add(RetentionSweeps.givenUpMemories(repos.pendingMemories()));
        sweeps.add(RetentionSweeps.orphanSwipes(new JdbiSwipeRepository(repos.database().jdbi())));
        sweeps.addAll(more);
        return sweeps;
    }

    /** Starts the hourly sweeps; closing the returned scheduler stops them. */
    public static AutoCloseable start(List<Sweep> sweeps, EphemeralKeyStore keys, Clock clock, String worker) {
        RunningSweeps running = new RunningSweeps(sweeps, keys, clock, PERIOD.minusMinutes(1), worker);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention-sweeps");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                running.runDue();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(RetentionWiring.class).warn("retention sweeps failed: {}", e.getMessage());
            }
        }, 1, PERIOD.toMinutes(), TimeUnit.MINUTES);
        return timer::shutdownNow;
    }
}
