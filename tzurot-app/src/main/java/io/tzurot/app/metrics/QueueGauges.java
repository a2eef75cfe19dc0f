package io.tzurot.app.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.QueueStats;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A queue's counts as gauges ({@code tzurot_queue_pending}, {@code _in_flight}, {@code _dead_letters}) and
 * counters ({@code tzurot_queue_completed_total}, {@code _failed_total}). One scrape reads the counts once
 * (on Redis a few round trips), however many of these meters it reads.
 */
final class QueueGauges {

    private static final Logger LOG = LoggerFactory.getLogger(QueueGauges.class);
    private static final long FRESH_NANOS = 1_000_000_000L;

    private final JobQueue queue;
    private QueueStats last = new QueueStats(0, 0, 0, 0, 0);
    private long readAt = Long.MIN_VALUE;
    private boolean failing;

    private QueueGauges(JobQueue queue) {
        this.queue = queue;
    }

    /** Registers the meters; the caller keeps the result, since Micrometer holds meter sources only weakly. */
    static QueueGauges register(MeterRegistry registry, String name, JobQueue queue) {
        QueueGauges gauges = new QueueGauges(queue);
        gauge(registry, "tzurot.queue.pending", name, gauges, s -> s.pending(), "Jobs waiting for a worker (retry backoff included)");
        gauge(registry, "tzurot.queue.in.flight", name, gauges, s -> s.inFlight(), "Jobs held by a worker now");
        gauge(registry, "tzurot.queue.dead.letters", name, gauges, s -> s.deadLetters(), "Jobs in the dead-letter list now");
        FunctionCounter.builder("tzurot.queue.completed", gauges, g -> g.stats().completed()).tag("queue", name)
                .description("Jobs finished since the queue was created").register(registry);
        FunctionCounter.builder("tzurot.queue.failed", gauges, g -> g.stats().failed()).tag("queue", name)
                .description("Failed job attempts (retried or dead-lettered) since the queue was created").register(registry);
        return gauges;
    }

    private static void gauge(MeterRegistry registry, String meter, String queue, QueueGauges gauges,
                              ToDoubleFunction<QueueStats> value, String description) {
        Gauge.builder(meter, gauges, g -> value.applyAsDouble(g.stats())).tag("queue", queue).description(description)
                .register(registry);
    }

    /** The counts, read at most once a second; the last good counts while the queue cannot be read. */
    private synchronized QueueStats stats() {
        long now = System.nanoTime();
        if (readAt != Long.MIN_VALUE && now - readAt < FRESH_NANOS) {
            return last;
        }
        readAt = now;
        try {
            last = queue.stats();
            if (failing) {
                LOG.info("queue counts readable again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("queue counts unreadable (metrics keep the last ones): {}", e.getMessage());
                failing = true;
            }
        }
        return last;
    }
}
