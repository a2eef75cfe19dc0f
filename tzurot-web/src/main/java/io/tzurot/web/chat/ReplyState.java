package io.tzurot.web.chat;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A reply as the read routes see it, wherever it was started: its sender, its JSON view now (see
 * {@link ReplyView}) and the view once it is done.
 *
 * @param finished completes with the final view (done or failed); never exceptionally
 */
public record ReplyState(String replyId, UUID userId, Map<String, Object> now,
                         CompletableFuture<Map<String, Object>> finished) {

    public ReplyState {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(finished, "finished");
    }

    /** The state of a reply started in this process. */
    static ReplyState of(TrackedReply reply) {
        return new ReplyState(reply.replyId(), reply.userId(), ReplyView.of(reply),
                reply.outcome().thenApply(o -> ReplyView.of(reply.replyId(), java.util.Optional.of(o))));
    }

    /** Whether a view still waits for its outcome. */
    static boolean pending(Map<String, Object> view) {
        return "pending".equals(view.get("status"));
    }

    public boolean isPending() {
        return pending(now);
    }

}
