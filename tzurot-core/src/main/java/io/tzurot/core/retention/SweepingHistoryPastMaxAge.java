package io.tzurot.core.retention;

import io.tzurot.core.cascade.ResolveSettings;
import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: delete each conversation's history older than the {@code maxAge} its channel and character resolve to
 * (admin, character and channel tiers; no limit = kept). Users' own tiers only narrow what each of them is shown, so
 * they never delete rows the others still see. One grouped read lists the conversations with their oldest row; only
 * those whose oldest row is past their limit are purged, with tombstones.
 */
public final class SweepingHistoryPastMaxAge {

    /** The sweep's name (its fleet lock and log line). */
    public static final String NAME = "history-max-age";

    private final ConversationHistoryRepository history;
    private final ResolveSettings settings;

    public SweepingHistoryPastMaxAge(ConversationHistoryRepository history, ResolveSettings settings) {
        this.history = Objects.requireNonNull(history, "history");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** This use case as a named sweep. */
    public Sweep asSweep() {
        return new Sweep(NAME, this::sweep);
    }

    /** Deletes what is past its conversation's maxAge as of {@code now}; returns how many rows. */
    public long sweep(Instant now) {
        Objects.requireNonNull(now, "now");
        long deleted = 0;
        for (HistoryGroup group : history.groups()) {
            Optional<Instant> cutoff = maxAge(group).map(now::minus);
            if (cutoff.isPresent() && group.oldest().isBefore(cutoff.get())) {
                deleted += history.purgeOlderThan(group.channelId(), group.personalityId(), cutoff.get(),
                        RetentionSweeps.HISTORY_BATCH, now).deleted();
            }
        }
        return deleted;
    }

    private Optional<Duration> maxAge(HistoryGroup group) {
        // no user: the shared tiers only; a thread is resolved by its own channel tier (rows do not name the parent)
        return settings.resolve(null, group.personalityId(), group.channelId(), null).maxAge()
                .map(Duration::ofSeconds);
    }
}
