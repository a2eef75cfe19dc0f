package io.tzurot.core.lorebook.activation;

import java.util.List;

/** Primary keys, the secondary-key logic and the key decorators of one entry against the chat and the recursed content. */
final class KeyLogic {

    /** SillyTavern's {@code selectiveLogic} numbers. */
    static final int AND_ANY = 0;
    static final int NOT_ALL = 1;
    static final int NOT_ANY = 2;
    static final int AND_ALL = 3;

    private KeyLogic() {
    }

    /** A candidate when the keys match, else null. */
    static Candidate match(PreparedEntry e, List<ScanText.Text> texts) {
        if (e.keys().isEmpty()) {
            return null;
        }
        String matched = null;
        int score = 0;
        for (ScanKey key : e.keys()) {
            if (has(e, key, texts)) {
                if (matched == null) {
                    matched = key.text();
                }
                score++;
                if (!e.groupScoring()) {
                    break; // the score only matters to group scoring; the first hit is enough otherwise
                }
            }
        }
        if (matched == null) {
            return null;
        }
        for (List<ScanKey> group : e.additionalKeys()) {
            if (group.stream().noneMatch(k -> has(e, k, texts))) {
                return null;
            }
        }
        if (e.excludeKeys().stream().anyMatch(k -> has(e, k, texts))) {
            return null;
        }
        if (e.selective() && !e.secondaryKeys().isEmpty()) {
            int present = 0;
            for (ScanKey key : e.secondaryKeys()) {
                if (has(e, key, texts)) {
                    present++;
                }
            }
            int all = e.secondaryKeys().size();
            boolean pass = switch (e.logic()) {
                case NOT_ALL -> present < all;
                case NOT_ANY -> present == 0;
                case AND_ALL -> present == all;
                default -> present > 0;
            };
            if (!pass) {
                return null;
            }
            if (e.logic() == AND_ALL || (e.logic() != NOT_ALL && e.logic() != NOT_ANY)) {
                score += present;
            }
        }
        return new Candidate(e, FiredEntry.Reason.KEY, matched, score);
    }

    /**
     * Whether the key occurs in any of the texts (the chat, then each recursion pass's content). SillyTavern joins
     * them with a newline, which no trimmed plain key holds, so a plain key never spans two; only a regex written to
     * match across a newline could, and here it is tested against each text alone.
     */
    private static boolean has(PreparedEntry e, ScanKey key, List<ScanText.Text> texts) {
        for (ScanText.Text t : texts) {
            if (t.has(key, e.caseSensitive(), e.wholeWords())) {
                return true;
            }
        }
        return false;
    }
}
