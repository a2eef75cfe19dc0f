package io.tzurot.core.response;

import java.util.List;
import java.util.Objects;

/**
 * How much a reply looks like a failed generation, for logging and the diagnostic record.
 *
 * @param score the summed weights of {@code reasons}
 * @param reasons the signals that fired
 */
public record InadequacyAssessment(double score, List<InadequacySignal> reasons) {

    /** Score from which a reply earns one content retry. */
    public static final double THRESHOLD = 0.5;

    /** Validates that the score matches the reasons. */
    public InadequacyAssessment {
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons must not be null"));
        int points = reasons.stream().mapToInt(InadequacySignal::points).sum();
        if (Math.round(score * 100) != points) {
            throw new IllegalArgumentException("score " + score + " does not match reasons " + reasons);
        }
    }

    /** An assessment from the signals that fired. */
    public static InadequacyAssessment of(List<InadequacySignal> reasons) {
        return new InadequacyAssessment(reasons.stream().mapToInt(InadequacySignal::points).sum() / 100.0, reasons);
    }

    /** True when the score reaches {@link #THRESHOLD}. */
    public boolean inadequate() {
        // Compared in hundredths so 0.3 + 0.2 is not lost to floating point.
        return Math.round(score * 100) >= Math.round(THRESHOLD * 100);
    }
}
