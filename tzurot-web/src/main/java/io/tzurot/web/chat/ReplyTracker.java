package io.tzurot.web.chat;

import java.util.Optional;
import java.util.UUID;

/**
 * Keeps web replies until their sender has read them. In-process by default ({@link InMemoryReplyTracker});
 * a shared store can implement this when several API instances serve one user.
 */
public interface ReplyTracker {

    /** Remembers a started reply; may forget the oldest ones to stay within its bounds. */
    void track(TrackedReply reply);

    /** The reply with this id while it is kept, whoever sent it (callers check the sender). */
    Optional<TrackedReply> find(String replyId);

    /** How many of this user's kept replies have no outcome yet. */
    int pendingFor(UUID userId);
}
