package io.tzurot.core.reply;

import java.util.concurrent.CompletableFuture;

/**
 * Answers reply requests. Implemented by the engine itself (in-process) and by a client that sends the
 * request through the job queue to a worker; adapters depend only on this.
 */
public interface ReplyService {

    /** Completes with the outcome; never completes exceptionally for a failure a user should hear about. */
    CompletableFuture<ReplyOutcome> reply(ReplyRequest request);

    /**
     * As {@link #reply(ReplyRequest)}, telling {@code stream} the visible text while it is written; a service that
     * cannot stream tells it nothing.
     */
    default CompletableFuture<ReplyOutcome> reply(ReplyRequest request, ReplyStream stream) {
        return reply(request);
    }
}
