package io.tzurot.core.lorebook.activation;

import java.util.List;

/** Primary keys, the secondary-key logic and the key decorators of one entry against one scan text. */
final class KeyLogic {

    /** SillyTavern's {@code selectiveLogic} numbers. */
    static final int AND_ANY = 0;
    static final int NOT_ALL = 1;
    static final int NOT_ANY = 2;
    static final int AND_ALL = 3;

    private KeyLogic() {
    }

    /** A candidate when the keys match, else null. */
    static Candidate match(PreparedEntry e, ScanText.Text text) {
        if (e.keys().isEmpty()) {
            return null;
        }
        String matched = null;
        int score = 0;
        for (String key : e.keys()) {
            if (has(e, key, text)) {
                if (matched == null) {
                    matched = key;
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
        for (List<String> group : e.decorators().additionalKeys()) {
            if (group.stream().noneMatch(k -> has(e, k, text))) {
                return null;
            }
        }
        if (e.decorators().excludeKeys().stream().anyMatch(k -> has(e, k, text))) {
            return null;
        }
        if (e.selective() && !e.secondaryKeys().isEmpty()) {
            int present = 0;
            for (String key : e.secondaryKeys()) {
                if (has(e, key, text)) {
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

    private static boolean has(PreparedEntry e, String key, ScanText.Text text) {
        return KeyMatcher.matches(key, text.raw(), text.lowered(), e.caseSensitive(), e.wholeWords());
    }
}
