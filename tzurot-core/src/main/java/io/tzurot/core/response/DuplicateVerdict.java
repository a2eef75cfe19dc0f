package io.tzurot.core.response;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether a reply repeats an earlier one of the same conversation.
 *
 * @param checked false when the reply was too short to judge
 * @param level the check that matched, if it is a duplicate
 * @param similarity the highest similarity seen by the matching (or, if none, the bigram) check
 * @param matchedReply index into the prior replies (0 = newest) of the match
 * @param nearMiss true when not a duplicate but bigram similarity came close (for logs)
 */
public record DuplicateVerdict(boolean checked, Optional<Level> level, double similarity, OptionalInt matchedReply,
        boolean nearMiss) {

    /** The checks, cheapest first. */
    public enum Level {
        /** Same text, ignoring case and surrounding space. */
        EXACT,
        /** Word-set Jaccard of at least 0.75. */
        WORD_OVERLAP,
        /** Character-bigram Dice of at least 0.85. */
        BIGRAM,
        /** Embedding cosine of at least 0.88. */
        SEMANTIC
    }

    /** Validates the fields. */
    public DuplicateVerdict {
        level = Objects.requireNonNullElse(level, Optional.empty());
        matchedReply = Objects.requireNonNullElse(matchedReply, OptionalInt.empty());
    }

    /** A verdict for a reply too short to judge. */
    public static DuplicateVerdict notChecked() {
        return new DuplicateVerdict(false, Optional.empty(), 0, OptionalInt.empty(), false);
    }

    /** True when the reply repeats an earlier one. */
    public boolean duplicate() {
        return level.isPresent();
    }
}
