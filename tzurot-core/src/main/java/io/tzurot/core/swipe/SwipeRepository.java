package io.tzurot.core.swipe;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The versions of replies, keyed by the reply's history row id. */
public interface SwipeRepository {

    /** The reply's versions in order; empty when it was never regenerated. */
    List<Swipe> list(UUID replyId);

    /** Stores a version (its index must be new); when {@code swipe.chosen()}, the others stop being chosen. */
    void add(UUID replyId, Swipe swipe);

    /** Makes version {@code index} the chosen one; false when the reply has no such version. */
    boolean choose(UUID replyId, int index);

    /** Forgets every version of the reply; how many went. */
    int deleteOf(UUID replyId);

    /**
     * Forgets the versions of replies whose history row is gone (retention, erasure, a purge), once the newest version
     * is older than {@code before}: a regeneration in progress has no row for a moment. How many went.
     */
    int deleteOrphansOlderThan(Instant before);
}
