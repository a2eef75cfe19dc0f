package io.tzurot.core.jobresult;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Durable job results for at-least-once delivery. */
public interface JobResultRepository {

    /** Stores the result unless one exists for the job (the first result wins); true when written. */
    boolean save(JobResult result);

    Optional<JobResult> find(String jobId);

    /** Marks the result delivered; true only for the call that moved it out of PENDING_DELIVERY. */
    boolean confirmDelivery(String jobId, Instant at);

    /** Undelivered results completed before {@code completedBefore}, oldest first, for redelivery. */
    List<JobResult> pendingDelivery(Instant completedBefore, int limit);

    /** Deletes delivered results delivered before {@code cutoff}; returns how many. */
    int deleteDeliveredBefore(Instant cutoff);
}
