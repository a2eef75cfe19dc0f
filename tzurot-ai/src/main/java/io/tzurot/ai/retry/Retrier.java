package io.tzurot.ai.retry;

import io.tzurot.core.model.ModelCallException;
import io.tzurot.core.model.ModelError;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs asynchronous attempts under a {@link RetryPolicy} without blocking a thread: waits are scheduled
 * with {@link CompletableFuture#delayedExecutor}, timeouts with {@link CompletableFuture#orTimeout}.
 * Every failure is classified into a {@link ModelError}; non-retryable ones end the call at once.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    /** One attempt: its number (1-based) and the time it may take. */
    public record Attempt(int number, Duration timeout) {
    }

    private final RetryPolicy policy;
    private final Function<Throwable, ModelError> classifier;

    public Retrier(RetryPolicy policy, Function<Throwable, ModelError> classifier) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** The policy in force. */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Runs {@code attempt} until it succeeds, fails with a non-retryable error, runs out of attempts or of
     * budget. The result fails with {@link ModelCallException}.
     */
    public <T> CompletableFuture<T> run(String what, Function<Attempt, CompletableFuture<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        long start = System.nanoTime();
        // the caller's log context (request id, role), for the lines written on the HTTP client's threads
        Map<String, String> context = MDC.getCopyOfContextMap();
        next(what, attempt, 1, start, result, context);
        return result;
    }

    private <T> void next(String what, Function<Attempt, CompletableFuture<T>> attempt, int number, long start,
                          CompletableFuture<T> result, Map<String, String> context) {
        Duration remaining = policy.totalBudget().minusNanos(System.nanoTime() - start);
        Duration timeout = remaining.compareTo(policy.attemptTimeout()) < 0 ? remaining : policy.attemptTimeout();
        CompletableFuture<T> running;
        try {
            running = attempt.apply(new Attempt(number, timeout));
        } catch (RuntimeException e) {
            running = CompletableFuture.failedFuture(e);
        }
        running.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
                return;
            }
            ModelError error = classify(failure);
            Duration wait = waitBefore(number + 1, error);
            Duration left = policy.totalBudget().minusNanos(System.nanoTime() - start).minus(wait);
            Map<String, String> previous = MDC.getCopyOfContextMap();
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                if (!error.retryable() || number >= policy.maxAttempts() || left.isNegative() || left.isZero()) {
                    LOG.warn("{} failed after {} attempt(s): {} {}", what, number, error.category(), error.detail());
                    result.completeExceptionally(new ModelCallException(error, unwrap(failure)));
                    return;
                }
                LOG.info("{} attempt {} failed: {} {}; retrying in {} ms", what, number, error.category(), error.detail(),
                        wait.toMillis());
            } finally {
                if (previous == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(previous);
                }
            }
            CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> next(what, attempt, number + 1, start, result, context));
        });
    }

    private Duration waitBefore(int nextAttempt, ModelError error) {
        Duration backoff = policy.backoffBefore(nextAttempt);
        if (error instanceof ModelError.RateLimited limited && limited.retryAfter().isPresent()) {
            Duration asked = limited.retryAfter().get();
            Duration capped = asked.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : asked;
            return capped.compareTo(backoff) > 0 ? capped : backoff;
        }
        return backoff;
    }

    private ModelError classify(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ModelCallException call) {
            return call.error();
        }
        return classifier.apply(cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
