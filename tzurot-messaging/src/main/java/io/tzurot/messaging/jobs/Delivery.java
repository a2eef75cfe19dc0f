package io.tzurot.messaging.jobs;

import io.tzurot.core.messaging.Job;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One delivery of a job to a worker. {@code token} identifies the delivery to the backend (a Redis stream
 * entry id, an in-process lease). Settling happens once: by finishing or by releasing.
 */
final class Delivery {

    private final Job job;
    private final String token;
    private final String consumer;
    private final AtomicBoolean settled = new AtomicBoolean();

    Delivery(Job job, String token, String consumer) {
        this.job = job;
        this.token = token;
        this.consumer = consumer;
    }

    String consumer() {
        return consumer;
    }

    Job job() {
        return job;
    }

    String token() {
        return token;
    }

    /** True once finished or released. */
    boolean isSettled() {
        return settled.get();
    }

    /** True for the one caller that gets to settle this delivery. */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }
}
