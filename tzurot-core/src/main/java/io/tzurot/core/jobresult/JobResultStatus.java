package io.tzurot.core.jobresult;

/** Whether a finished job's result has reached the platform. */
public enum JobResultStatus {
    PENDING_DELIVERY, DELIVERED
}
