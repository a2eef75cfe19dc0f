package io.tzurot.core.messaging;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Does the work of one job asynchronously; may be called concurrently for different jobs. The call itself must
 * return promptly (it runs on one of the worker's few threads): waiting, e.g. on a model, is expressed by the
 * returned stage, so a job in flight holds a slot but no thread. The job is acknowledged, retried or
 * dead-lettered when the stage completes.
 */
@FunctionalInterface
public interface JobHandler {

    /**
     * Starts handling {@code job}; the stage completes with its outcome. A thrown exception or an exceptionally
     * completed stage means {@link JobOutcome.Retry} with the exception's message.
     */
    CompletionStage<JobOutcome> handle(Job job) throws Exception;

    /** Handler code that blocks its thread until the job is done (for simple or legacy handlers). */
    @FunctionalInterface
    interface Blocking {
        /** Handles {@code job}; an exception means {@link JobOutcome.Retry}. */
        JobOutcome handle(Job job) throws Exception;
    }

    /**
     * Runs a blocking handler on {@code executor}: each job in flight then occupies one of its threads, so size the
     * executor for the worker's concurrency. Prefer a truly asynchronous handler for long waits.
     */
    static JobHandler blocking(Blocking handler, Executor executor) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(executor, "executor");
        return job -> CompletableFuture.supplyAsync(() -> {
            try {
                return handler.handle(job);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, executor);
    }
}
