package io.tzurot.core.admin;

import io.tzurot.core.access.Actor;
import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.diagnostics.DiagnosticLogRepository;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.usage.UsageLogRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Use case: the bot owner deletes rows older than a number of days: conversation history (in batches, each deleted
 * message leaving a tombstone), tombstones, flight records, usage rows, or all of them.
 */
public final class CleaningUp {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 365;
    private static final int BATCH = 1000;

    /** What was deleted, per target, older than {@code cutoff}. */
    public record Report(int days, Instant cutoff, Map<CleanupTarget, Integer> deleted) {

        public Report {
            Objects.requireNonNull(cutoff, "cutoff");
            deleted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deleted));
        }

        /** All rows deleted together. */
        public int total() {
            return deleted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final ConversationHistoryRepository history;
    private final DiagnosticLogRepository diagnostics;
    private final UsageLogRepository usage;
    private final Clock clock;

    public CleaningUp(ConversationHistoryRepository history, DiagnosticLogRepository diagnostics,
                      UsageLogRepository usage, Clock clock) {
        this.history = Objects.requireNonNull(history, "history");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Deletes what {@code target} names older than {@code days} (1–365; null means 30).
     *
     * @throws DomainException forbidden for anyone but the bot owner; invalid days or target
     */
    public Report cleanUp(Actor actor, Integer days, String target) {
        BotOwnerOnly.require(actor);
        int d = days == null ? DEFAULT_DAYS : days;
        if (d < 1 || d > MAX_DAYS) {
            throw DomainException.invalid("days", "Days must be between 1 and " + MAX_DAYS + ", got " + d + ".");
        }
        CleanupTarget t = CleanupTarget.parse(target);
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(d));
        Map<CleanupTarget, Integer> deleted = new LinkedHashMap<>();
        for (CleanupTarget part : t.parts()) {
            deleted.put(part, switch (part) {
                case HISTORY -> history.purgeOlderThan(cutoff, BATCH, now).deleted();
                case TOMBSTONES -> history.purgeTombstonesOlderThan(cutoff);
                case DIAGNOSTICS -> diagnostics.deleteOlderThan(cutoff);
                case USAGE -> usage.deleteOlderThan(cutoff);
                case ALL -> throw new IllegalStateException("ALL is never a part");
            });
        }
        return new Report(d, cutoff, deleted);
    }
}
