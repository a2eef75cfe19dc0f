package io.tzurot.core.messaging;

import java.util.Objects;

/** How a handler finished a job; a thrown exception counts as {@link Retry} with the exception's message. */
public sealed interface JobOutcome {

    /** The job is done and acknowledged. */
    record Completed() implements JobOutcome {
    }

    /** The job failed for a reason that may pass: retry with backoff, dead-letter once attempts run out. */
    record Retry(String reason) implements JobOutcome {
        public Retry {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The job can never succeed (e.g. rejected credentials): dead-letter it now. */
    record Reject(String reason) implements JobOutcome {
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The job is done. */
    static JobOutcome completed() {
        return new Completed();
    }

    /** Try again later. */
    static JobOutcome retry(String reason) {
        return new Retry(reason);
    }

    /** Give up now. */
    static JobOutcome reject(String reason) {
        return new Reject(reason);
    }
}
