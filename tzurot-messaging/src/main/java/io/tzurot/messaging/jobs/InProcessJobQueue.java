package io.tzurot.messaging.jobs;

import io.tzurot.core.messaging.QueueSettings;

/** The embedded profile's job queue: held in memory, shared by the workers of this process. */
public final class InProcessJobQueue extends BackendJobQueue {

    public InProcessJobQueue(QueueSettings settings) {
        super(settings, new InProcessJobStore(settings));
    }

    public void close() {
        // Nothing to release: the queue lives in this process's memory.
    }
}
