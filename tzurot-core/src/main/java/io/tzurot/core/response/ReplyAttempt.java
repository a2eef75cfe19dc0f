package io.tzurot.core.response;

import java.util.Objects;

/**
 * One finished generation attempt and how it was judged.
 *
 * @param number 1-based attempt number
 * @param response the post-processed reply
 * @param assessment its inadequacy assessment
 * @param duplicate its cross-turn duplicate verdict
 */
public record ReplyAttempt(int number, ProcessedResponse response, InadequacyAssessment assessment,
        DuplicateVerdict duplicate) {

    /** How an attempt turned out, best first. */
    public enum Outcome {
        /** A usable reply. */
        GOOD,
        /** Repeats an earlier reply. */
        DUPLICATE,
        /** Looks like a failed generation. */
        INADEQUATE,
        /** Nothing visible. */
        EMPTY
    }

    /** Validates the fields. */
    public ReplyAttempt {
        if (number < 1) {
            throw new IllegalArgumentException("attempt number must be >= 1, was " + number);
        }
        Objects.requireNonNull(response, "response must not be null");
        Objects.requireNonNull(assessment, "assessment must not be null");
        Objects.requireNonNull(duplicate, "duplicate must not be null");
    }

    /** Empty beats duplicate beats inadequate: each names the worse problem. */
    public Outcome outcome() {
        if (response.isEmpty()) {
            return Outcome.EMPTY;
        }
        if (duplicate.duplicate()) {
            return Outcome.DUPLICATE;
        }
        return assessment.inadequate() ? Outcome.INADEQUATE : Outcome.GOOD;
    }
}
