package io.tzurot.core.reply;

/**
 * Port through which the engine reports what operators measure: how long each stage took and how each reply
 * ended. Implemented by a metrics adapter outside core; calls are on the reply's hot path, so implementations
 * must be cheap and must not throw.
 */
public interface ReplyMetrics {

    /** Reports nothing (tests, tools). */
    ReplyMetrics NONE = new ReplyMetrics() {
        @Override
        public void stage(ReplyStage stage, long nanos) {
        }

        @Override
        public void outcome(ReplyOutcome outcome) {
        }
    };

    /** {@code stage} of one reply (or one attempt, for the model-facing stages) took {@code nanos}. */
    void stage(ReplyStage stage, long nanos);

    /** A reply request ended with {@code outcome}. */
    void outcome(ReplyOutcome outcome);
}
