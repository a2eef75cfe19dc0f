package io.tzurot.core.retention;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.diagnostics.DiagnosticLogRepository;
import io.tzurot.core.memory.PendingMemory;
import io.tzurot.core.memory.PendingMemoryRepository;
import io.tzurot.core.swipe.SwipeRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The built-in sweeps: flight records after a day, history past the operator's hard cap, old tombstones, given-up
 * outbox entries ({@link SweepingHistoryPastMaxAge} is the per-conversation one).
 */
public final class RetentionSweeps {

    /** Flight records are kept a day (pipeline.md §9). */
    public static final Duration DIAGNOSTICS_KEEP = Duration.ofHours(24);
    /** A purged message's tombstone is kept this long, so a late redelivery does not bring it back. */
    public static final Duration TOMBSTONE_KEEP = Duration.ofDays(30);
    /** How long after its newest version a reply without a history row keeps its versions (swipes sweep). */
    public static final Duration SWIPE_GRACE = Duration.ofHours(1);
    /** History rows deleted per transaction by the hard-cap sweep. */
    static final int HISTORY_BATCH = 500;

    private RetentionSweeps() {
    }

    /**
     * The built-in sweeps, named {@code diagnostics}, {@code tombstones} and (when {@code historyCap} is present)
     * {@code history}.
     */
    public static List<Sweep> standard(ConversationHistoryRepository history, DiagnosticLogRepository diagnostics,
                                       Optional<Duration> historyCap) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(diagnostics, "diagnostics");
        List<Sweep> sweeps = new ArrayList<>();
        sweeps.add(new Sweep("diagnostics", now -> diagnostics.deleteOlderThan(now.minus(DIAGNOSTICS_KEEP))));
        historyCap.ifPresent(cap -> sweeps.add(new Sweep("history",
                now -> history.purgeOlderThan(now.minus(cap), HISTORY_BATCH, now).deleted())));
        sweeps.add(new Sweep("tombstones", now -> history.purgeTombstonesOlderThan(now.minus(TOMBSTONE_KEEP))));
        return List.copyOf(sweeps);
    }

    /**
     * The {@code pending-memories} sweep: outbox entries given up after {@link PendingMemory#MAX_ATTEMPTS} failed
     * attempts (the retry job skips them; their error was logged when they failed).
     */
    public static Sweep givenUpMemories(PendingMemoryRepository pending) {
        Objects.requireNonNull(pending, "pending");
        return new Sweep("pending-memories", now -> pending.deleteGivenUp(PendingMemory.MAX_ATTEMPTS));
    }

    /**
     * The {@code swipes} sweep: the versions of replies whose history row is gone (retention, erasure, a purge), an
     * hour after their newest version, so a regeneration in progress (its row briefly removed) keeps them.
     */
    public static Sweep orphanSwipes(SwipeRepository swipes) {
        Objects.requireNonNull(swipes, "swipes");
        return new Sweep("swipes", now -> swipes.deleteOrphansOlderThan(now.minus(SWIPE_GRACE)));
    }
}
