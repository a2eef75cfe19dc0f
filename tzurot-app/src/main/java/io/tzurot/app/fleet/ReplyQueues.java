package io.tzurot.app.fleet;

import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.QueueSettings;
import io.tzurot.core.messaging.ResultStream;
import io.tzurot.core.messaging.StreamSettings;
import io.tzurot.messaging.Messaging;

/** The names and settings of the reply queue and its result stream, shared by clients, workers and tools. */
public final class ReplyQueues {

    /** The queue reply jobs are submitted to. */
    public static final String QUEUE = "replies";
    /** The stream workers publish reply outcomes on (message id = job id = request id). */
    public static final String RESULTS = "reply-results";

    private ReplyQueues() {
    }

    public static JobQueue queue(Messaging messaging) {
        return messaging.queue(QueueSettings.named(QUEUE));
    }

    public static ResultStream results(Messaging messaging) {
        return messaging.stream(StreamSettings.named(RESULTS));
    }

    /** The relay of streamed reply text from workers to the waiting clients; the caller closes it. */
    public static ReplyDeltaRelay deltas(Messaging messaging) {
        return new ReplyDeltaRelay(messaging.broadcast(ReplyDeltaRelay.CHANNEL));
    }
}
