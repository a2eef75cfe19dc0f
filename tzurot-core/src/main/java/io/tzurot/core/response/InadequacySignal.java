package io.tzurot.core.response;

/** One sign that a reply is not a real answer, with its weight in hundredths of the score. */
public enum InadequacySignal {
    /** Finish reason "unknown". */
    FINISH_REASON_UNKNOWN(40),
    /** Finish reason "error". */
    FINISH_REASON_ERROR(50),
    /** At most one completion token. */
    AT_MOST_ONE_TOKEN(30),
    /** At most five completion tokens. */
    AT_MOST_FIVE_TOKENS(15),
    /** Neither a natural stop nor a stop sequence, and a short reply. */
    NO_STOP_AND_SHORT(20),
    /** More than ten seconds per completion token. */
    SLOW_PER_TOKEN(20),
    /** Nothing visible after tag stripping. */
    EMPTY_AFTER_STRIPPING(30),
    /** At most two visible characters after tag stripping. */
    NEAR_EMPTY_AFTER_STRIPPING(15);

    private final int points;

    InadequacySignal(int points) {
        this.points = points;
    }

    /** Weight in hundredths (0.40 is 40). */
    public int points() {
        return points;
    }

    /** Weight as a score share. */
    public double weight() {
        return points / 100.0;
    }
}
