package io.tzurot.core.messaging;

/**
 * What {@link JobQueue#submit} did.
 *
 * @param jobId the job's id (its idempotency key)
 * @param created false when a job with this key already existed, so nothing new was queued
 */
public record Submission(String jobId, boolean created) {
}
