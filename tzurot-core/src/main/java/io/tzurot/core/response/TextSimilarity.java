package io.tzurot.core.response;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** String similarity measures used to spot repeated replies. */
public final class TextSimilarity {

    private static final Pattern EMPHASIS = Pattern.compile("[*_~]");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_]+");

    private TextSimilarity() {
    }

    /** Dice coefficient over character bigrams (whitespace ignored, case-insensitive), 0..1. */
    public static double diceBigrams(String a, String b) {
        String x = compact(a);
        String y = compact(b);
        if (x.equals(y)) {
            return 1.0;
        }
        if (x.length() < 2 || y.length() < 2) {
            return 0.0;
        }
        Map<Integer, Integer> first = new HashMap<>();
        for (int i = 0; i < x.length() - 1; i++) {
            first.merge(bigram(x, i), 1, Integer::sum);
        }
        int shared = 0;
        for (int i = 0; i < y.length() - 1; i++) {
            Integer left = first.get(bigram(y, i));
            if (left != null && left > 0) {
                first.put(bigram(y, i), left - 1);
                shared++;
            }
        }
        return 2.0 * shared / (x.length() - 1 + y.length() - 1);
    }

    /** Jaccard index of the word sets (lower case, emphasis marks and punctuation removed), 0..1. */
    public static double wordJaccard(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1.0;
        }
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return (double) x.size() / union.size();
    }

    /** Cosine similarity of two vectors of equal length, 0 when either is all zeros. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0.0 : dot / Math.sqrt(normA * normB);
    }

    private static int bigram(String s, int i) {
        return (s.charAt(i) << 16) | s.charAt(i + 1);
    }

    private static String compact(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.toLowerCase(Locale.ROOT).codePoints().filter(c -> !Character.isWhitespace(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static Set<String> words(String s) {
        String cleaned = NON_WORD.matcher(EMPHASIS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(""))
                .replaceAll(" ").strip();
        Set<String> out = new HashSet<>();
        if (!cleaned.isEmpty()) {
            out.addAll(Arrays.asList(cleaned.split(" ")));
        }
        return out;
    }
}
