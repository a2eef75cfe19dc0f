package io.tzurot.core.jobresult;

import java.time.Instant;
import java.util.Objects;

/** The durable copy of a reply job's result, kept until delivery is confirmed. {@code deliveredAt} may be null. */
public record JobResult(String jobId, String requestId, String resultJson, JobResultStatus status,
                        Instant completedAt, Instant deliveredAt) {

    public JobResult {
        if (jobId == null || jobId.isBlank() || jobId.length() > 255) {
            throw new IllegalArgumentException("jobId must be 1-255 characters");
        }
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(resultJson, "resultJson");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(completedAt, "completedAt");
    }

    /** A freshly completed, undelivered result. */
    public static JobResult completed(String jobId, String requestId, String resultJson, Instant completedAt) {
        return new JobResult(jobId, requestId, resultJson, JobResultStatus.PENDING_DELIVERY, completedAt, null);
    }
}
