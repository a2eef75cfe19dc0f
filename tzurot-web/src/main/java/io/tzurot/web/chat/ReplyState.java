package io.tzurot.web.chat;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A reply as the read routes see it, wherever it was started: its sender, its JSON view now (see
 * {@link ReplyView}) and, for a reader that waits, the view once it is done.
 *
 * @param finish starts waiting for the final view; only a reader that waits calls it, so a plain read of a
 *               pending reply neither polls the shared store nor hangs a stage on its outcome
 * @param deltas the text while it is written, when this process runs the reply (another process's reply has none)
 */
public record ReplyState(String replyId, UUID userId, Map<String, Object> now,
                         Supplier<CompletableFuture<Map<String, Object>>> finish, Optional<ReplyDeltas> deltas) {

    public ReplyState {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(finish, "finish");
        Objects.requireNonNull(deltas, "deltas");
    }

    /** A reply seen as {@code now}; {@code whilePending} waits for its end, asked only while {@code now} is pending. */
    static ReplyState of(String replyId, UUID userId, Map<String, Object> now,
                         Supplier<CompletableFuture<Map<String, Object>>> whilePending) {
        return new ReplyState(replyId, userId, now, pending(now) ? whilePending : () -> CompletableFuture.completedFuture(now),
                Optional.empty());
    }

    /** The state of a reply started in this process. */
    static ReplyState of(TrackedReply reply) {
        ReplyState state = of(reply.replyId(), reply.userId(), ReplyView.of(reply),
                () -> reply.outcome().thenApply(o -> ReplyView.of(reply.replyId(), Optional.of(o))));
        return new ReplyState(state.replyId(), state.userId(), state.now(), state.finish(), Optional.of(reply.deltas()));
    }

    /** Whether a view still waits for its outcome. */
    static boolean pending(Map<String, Object> view) {
        return "pending".equals(view.get("status"));
    }

    public boolean isPending() {
        return pending(now);
    }

    /** The final view (done or failed), never completed exceptionally; completing it early stops the waiting. */
    public CompletableFuture<Map<String, Object>> finished() {
        return finish.get();
    }
}
