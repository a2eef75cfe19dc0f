package io.tzurot.core.swipe;

import io.tzurot.core.conversation.HistoryMessage;
import java.util.Objects;

/**
 * A character's reply that swipe actions act on.
 *
 * @param reply its history row (the chosen version's text)
 * @param asked the user's turn it answered
 * @param requestId the request that first produced it
 * @param requesterId the platform id of the person who asked (the only one who may regenerate or swipe)
 */
public record ReplyTarget(HistoryMessage reply, HistoryMessage asked, String requestId, String requesterId) {

    public ReplyTarget {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(requesterId, "requesterId");
    }
}
