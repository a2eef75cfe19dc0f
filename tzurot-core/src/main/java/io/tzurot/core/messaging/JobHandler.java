package io.tzurot.core.messaging;

/** Does the work of one job; may be called concurrently for different jobs. */
@FunctionalInterface
public interface JobHandler {

    /** Handles {@code job}; an exception means {@link JobOutcome.Retry}. */
    JobOutcome handle(Job job) throws Exception;
}
