package io.tzurot.web.chat;

import java.util.Optional;
import java.util.UUID;

/**
 * Keeps web replies until their sender has read them. In-process by default ({@link InMemoryReplyTracker});
 * with several API processes, {@link SharedReplyTracker} also makes them readable on the others.
 */
public interface ReplyTracker {

    /** Remembers a started reply; may forget the oldest ones to stay within its bounds. */
    void track(TrackedReply reply);

    /**
     * Remembers the reply unless its sender already has {@code maxPending} replies without an outcome; the check
     * and the remembering are one step, so a burst cannot slip past the limit. True when remembered.
     */
    boolean trackWithin(TrackedReply reply, int maxPending);

    /** The reply with this id while it is kept, whoever sent it (callers check the sender). */
    Optional<TrackedReply> find(String replyId);

    /** The reply's state for the read routes; other trackers may also find replies started elsewhere. */
    default Optional<ReplyState> findState(String replyId) {
        return find(replyId).map(ReplyState::of);
    }

    /** How many of this user's kept replies have no outcome yet. */
    int pendingFor(UUID userId);
}
