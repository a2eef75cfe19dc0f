package io.tzurot.core.response;

import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * How one generation attempt differs from the preset: later attempts run hotter, penalise repetition and (from
 * the third on) keep less history.
 *
 * @param attempt 1-based attempt number
 * @param temperature temperature to use instead of the preset's, if any
 * @param frequencyPenalty frequency penalty to use instead of the preset's, if any
 * @param historyBudgetFactor share of the history budget to use
 */
public record AttemptSettings(int attempt, OptionalDouble temperature, OptionalDouble frequencyPenalty,
        double historyBudgetFactor) {

    static final double RETRY_TEMPERATURE_MIN = 0.95;
    static final double RETRY_TEMPERATURE_LIMIT = 1.0;
    static final double RETRY_FREQUENCY_PENALTY = 0.5;
    static final double LATE_HISTORY_FACTOR = 0.7;

    /** Validates the fields. */
    public AttemptSettings {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
        if (!(historyBudgetFactor > 0 && historyBudgetFactor <= 1)) {
            throw new IllegalArgumentException("historyBudgetFactor must be in (0, 1], was " + historyBudgetFactor);
        }
    }

    /** Settings for attempt {@code n}: the preset as is first, then temperature in [0.95, 1.0) and penalty 0.5. */
    public static AttemptSettings forAttempt(int n, RandomGenerator random) {
        if (n < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + n);
        }
        if (n == 1) {
            return new AttemptSettings(1, OptionalDouble.empty(), OptionalDouble.empty(), 1.0);
        }
        // Rounding could otherwise reach 1.0 itself for the largest random values.
        double span = RETRY_TEMPERATURE_LIMIT - RETRY_TEMPERATURE_MIN;
        double temperature = Math.min(RETRY_TEMPERATURE_MIN + random.nextDouble() * span,
                Math.nextDown(RETRY_TEMPERATURE_LIMIT));
        return new AttemptSettings(n, OptionalDouble.of(temperature), OptionalDouble.of(RETRY_FREQUENCY_PENALTY),
                n >= 3 ? LATE_HISTORY_FACTOR : 1.0);
    }
}
