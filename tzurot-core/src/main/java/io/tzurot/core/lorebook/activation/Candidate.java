package io.tzurot.core.lorebook.activation;

/**
 * An entry that matched in this pass, before groups, probability and budget had their say.
 *
 * @param score matched keys, for inclusion-group scoring
 */
record Candidate(PreparedEntry entry, FiredEntry.Reason reason, String matchedKey, int score) {

    boolean sticky() {
        return reason == FiredEntry.Reason.STICKY;
    }
}
