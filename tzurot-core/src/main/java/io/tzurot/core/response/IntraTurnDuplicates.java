package io.tzurot.core.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Removes a reply's second copy of itself, which some models emit in one turn. */
public final class IntraTurnDuplicates {

    /** Shorter replies are never checked. */
    static final int MIN_LENGTH = 100;
    private static final int MAX_ANCHOR = 30;
    private static final double MIN_SIMILARITY = 0.80;

    private IntraTurnDuplicates() {
    }

    /**
     * The reply up to where it starts over, or the reply unchanged. The start (up to 30 characters) is searched
     * for later in the text; at each repeat the text splits into A and B, and B counts as a copy only when it is
     * of comparable length to A (between half and twice) and either one is a prefix of the other or their bigram
     * similarity is at least 0.80. The length rule is what keeps a refrain, a repeated heading or a list of
     * similar sentences: there the repeated opening is followed by much more (or much less) than A.
     */
    public static String remove(String content) {
        if (content == null || content.length() < MIN_LENGTH) {
            return content == null ? "" : content;
        }
        int anchorLength = Math.min(MAX_ANCHOR, content.length() / 3);
        String anchor = content.substring(0, anchorLength);
        List<Integer> splits = new ArrayList<>();
        for (int at = content.indexOf(anchor, anchorLength); at >= 0; at = content.indexOf(anchor, at + 1)) {
            splits.add(at);
        }
        // An exact copy anywhere beats a near copy earlier, so a stuttered list is cut where the copy starts
        // and not between two of its own similar items.
        for (int at : splits) {
            if (isExactCopy(content.substring(0, at).strip(), content.substring(at).strip())) {
                return content.substring(0, at).stripTrailing();
            }
        }
        for (int at : splits) {
            String a = content.substring(0, at).strip();
            String b = content.substring(at).strip();
            if (comparableLength(a, b) && TextSimilarity.diceBigrams(a, b) >= MIN_SIMILARITY) {
                return content.substring(0, at).stripTrailing();
            }
        }
        return content;
    }

    private static boolean isExactCopy(String a, String b) {
        if (!comparableLength(a, b)) {
            return false;
        }
        String lowerA = a.toLowerCase(Locale.ROOT);
        String lowerB = b.toLowerCase(Locale.ROOT);
        return lowerA.startsWith(lowerB) || lowerB.startsWith(lowerA);
    }

    private static boolean comparableLength(String a, String b) {
        if (a.isEmpty()) {
            return false;
        }
        double ratio = (double) b.length() / a.length();
        return ratio > 0.5 && ratio < 2;
    }
}
