package io.tzurot.core.response;

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
     * for later in the text; at each repeat the text splits into A and B, and B counts as a copy when one is a
     * prefix of the other or their bigram similarity is at least 0.80 at comparable lengths.
     */
    public static String remove(String content) {
        if (content == null || content.length() < MIN_LENGTH) {
            return content == null ? "" : content;
        }
        int anchorLength = Math.min(MAX_ANCHOR, content.length() / 3);
        String anchor = content.substring(0, anchorLength);
        for (int at = content.indexOf(anchor, anchorLength); at >= 0; at = content.indexOf(anchor, at + 1)) {
            String a = content.substring(0, at).strip();
            String b = content.substring(at).strip();
            if (isCopy(a, b)) {
                return content.substring(0, at).stripTrailing();
            }
        }
        return content;
    }

    private static boolean isCopy(String a, String b) {
        String lowerA = a.toLowerCase(Locale.ROOT);
        String lowerB = b.toLowerCase(Locale.ROOT);
        if (lowerA.startsWith(lowerB) || lowerB.startsWith(lowerA)) {
            return true;
        }
        double ratio = (double) b.length() / a.length();
        return ratio > 0.5 && ratio < 2 && TextSimilarity.diceBigrams(a, b) >= MIN_SIMILARITY;
    }
}
