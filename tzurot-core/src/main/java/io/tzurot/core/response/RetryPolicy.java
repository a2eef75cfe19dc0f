package io.tzurot.core.response;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Decides after each attempt whether to generate again. Empty and duplicate replies are retried up to the
 * attempt limit; an inadequate reply gets exactly one content retry, and if that is inadequate too the last
 * reply is delivered. When attempts run out the best one is delivered (duplicate over inadequate over empty,
 * later over earlier); if all were empty the policy gives up.
 */
public final class RetryPolicy {

    /** The reference's limit: three attempts of the whole generation. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private final int maxAttempts;
    private final RandomGenerator random;

    /** A policy allowing {@code maxAttempts} attempts; {@code random} picks retry temperatures. */
    public RetryPolicy(int maxAttempts, RandomGenerator random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Settings for the first attempt. */
    public AttemptSettings first() {
        return AttemptSettings.forAttempt(1, random);
    }

    /** The decision after {@code attempts} (in order, numbered from 1). */
    public RetryDecision decide(List<ReplyAttempt> attempts) {
        Objects.requireNonNull(attempts, "attempts");
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException("decide needs at least one attempt");
        }
        ReplyAttempt last = attempts.get(attempts.size() - 1);
        boolean roomLeft = attempts.size() < maxAttempts;
        switch (last.outcome()) {
            case GOOD:
                return accept(last, attempts);
            case EMPTY:
            case DUPLICATE:
                if (roomLeft) {
                    return new RetryDecision.Retry(AttemptSettings.forAttempt(attempts.size() + 1, random),
                            last.outcome());
                }
                return best(attempts);
            case INADEQUATE:
                long inadequate = attempts.stream().filter(a -> a.outcome() == ReplyAttempt.Outcome.INADEQUATE)
                        .count();
                if (roomLeft && inadequate == 1) {
                    return new RetryDecision.Retry(AttemptSettings.forAttempt(attempts.size() + 1, random),
                            ReplyAttempt.Outcome.INADEQUATE);
                }
                return accept(last, attempts);
            default:
                throw new IllegalStateException("unhandled outcome " + last.outcome());
        }
    }

    /**
     * What to deliver when the next attempt failed with an error: the best earlier reply that is not empty,
     * if there is one.
     */
    public Optional<RetryDecision.Accept> fallbackAfterFailure(List<ReplyAttempt> attempts) {
        Objects.requireNonNull(attempts, "attempts");
        return bestNonEmpty(attempts).map(a -> accept(a, attempts));
    }

    private RetryDecision best(List<ReplyAttempt> attempts) {
        Optional<ReplyAttempt> best = bestNonEmpty(attempts);
        if (best.isPresent()) {
            return accept(best.get(), attempts);
        }
        return new RetryDecision.GiveUp(latestReasoning(attempts));
    }

    private static Optional<ReplyAttempt> bestNonEmpty(List<ReplyAttempt> attempts) {
        // Outcome order is best first; among equals the later attempt wins.
        return attempts.stream().filter(a -> a.outcome() != ReplyAttempt.Outcome.EMPTY)
                .min(Comparator.comparing(ReplyAttempt::outcome)
                        .thenComparing(ReplyAttempt::number, Comparator.reverseOrder()));
    }

    private static RetryDecision.Accept accept(ReplyAttempt chosen, List<ReplyAttempt> attempts) {
        Optional<String> reasoning = chosen.response().reasoning().or(() -> latestReasoning(attempts));
        return new RetryDecision.Accept(chosen, reasoning, chosen.outcome() == ReplyAttempt.Outcome.DUPLICATE);
    }

    private static Optional<String> latestReasoning(List<ReplyAttempt> attempts) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            Optional<String> reasoning = attempts.get(i).response().reasoning();
            if (reasoning.isPresent()) {
                return reasoning;
            }
        }
        return Optional.empty();
    }
}
