package io.tzurot.messaging.jobs;

/** Argument checks shared by the queue implementations. */
final class JobQueues {

    static final int MAX_LIST = 10_000;

    private JobQueues() {
    }

    static int requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST + ", got " + limit);
        }
        return limit;
    }

    static String requireJobId(String jobId) {
        if (jobId == null || jobId.isBlank()) {
            throw new IllegalArgumentException("jobId must not be blank");
        }
        return jobId;
    }
}
