package io.tzurot.web.chat;

import java.util.Optional;

/**
 * Keeps web replies until their sender has read them. In-process by default ({@link InMemoryReplyTracker});
 * a shared store can implement this when several API instances serve one user.
 */
public interface ReplyTracker {

    /** Remembers a started reply; may forget the oldest ones to stay within its bounds. */
    void track(TrackedReply reply);

    /** The reply with this id while it is kept, whoever sent it (callers check the sender). */
    Optional<TrackedReply> find(String replyId);
}
