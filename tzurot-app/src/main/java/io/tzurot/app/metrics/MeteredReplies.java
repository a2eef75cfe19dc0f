package io.tzurot.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tzurot.core.reply.ReplyMetrics;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyStage;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine's metrics port on Micrometer: one timer per stage ({@code tzurot_reply_stage_seconds{stage}}) and one
 * counter per outcome ({@code tzurot_replies_total{outcome}}), all registered here so a reply only looks up an
 * array slot and increments.
 */
final class MeteredReplies implements ReplyMetrics {

    /** Histogram buckets for reply-path timings: from a cache hit to a slow model. */
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60)};

    /** The outcome label of a delivered reply; failures use their kind in lower case. */
    static final String REPLIED = "replied";

    private final Map<ReplyStage, Timer> stages = new EnumMap<>(ReplyStage.class);
    private final Map<ReplyOutcome.FailureKind, Counter> failures = new EnumMap<>(ReplyOutcome.FailureKind.class);
    private final Counter replied;

    MeteredReplies(MeterRegistry registry) {
        for (ReplyStage stage : ReplyStage.values()) {
            stages.put(stage, Timer.builder("tzurot.reply.stage").tag("stage", stage.label())
                    .description("Time of each reply stage (model-facing stages once per attempt)")
                    .serviceLevelObjectives(BUCKETS).register(registry));
        }
        this.replied = outcomeCounter(registry, REPLIED);
        for (ReplyOutcome.FailureKind kind : ReplyOutcome.FailureKind.values()) {
            failures.put(kind, outcomeCounter(registry, kind.name().toLowerCase(Locale.ROOT)));
        }
    }

    private static Counter outcomeCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("tzurot.replies").tag("outcome", outcome)
                .description("Reply requests by how they ended").register(registry);
    }

    @Override
    public void stage(ReplyStage stage, long nanos) {
        stages.get(stage).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void outcome(ReplyOutcome outcome) {
        if (outcome instanceof ReplyOutcome.Failed failed) {
            failures.get(failed.kind()).increment();
        } else {
            replied.increment();
        }
    }
}
