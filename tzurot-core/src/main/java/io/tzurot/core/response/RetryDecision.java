package io.tzurot.core.response;

import java.util.Objects;
import java.util.Optional;

/** What to do after an attempt: try again, deliver a reply, or give up. */
public sealed interface RetryDecision {

    /**
     * Generate again.
     *
     * @param next settings of the next attempt
     * @param cause what was wrong with the last attempt
     */
    record Retry(AttemptSettings next, ReplyAttempt.Outcome cause) implements RetryDecision {
        /** Validates the fields. */
        public Retry {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * Deliver this attempt's reply.
     *
     * @param attempt the chosen attempt
     * @param reasoning its reasoning, or an earlier attempt's when it has none
     * @param crossTurnDuplicate true when the delivered reply repeats an earlier one (every attempt did)
     */
    record Accept(ReplyAttempt attempt, Optional<String> reasoning, boolean crossTurnDuplicate)
            implements RetryDecision {
        /** Validates the fields. */
        public Accept {
            Objects.requireNonNull(attempt, "attempt");
            reasoning = Objects.requireNonNullElse(reasoning, Optional.empty());
        }

        /** The text to deliver. */
        public String content() {
            return attempt.response().content();
        }
    }

    /**
     * Every attempt came back empty: report an empty-response error (not retryable).
     *
     * @param reasoning reasoning of the latest attempt that had any, to attach to the error
     */
    record GiveUp(Optional<String> reasoning) implements RetryDecision {
        /** Validates the fields. */
        public GiveUp {
            reasoning = Objects.requireNonNullElse(reasoning, Optional.empty());
        }
    }
}
