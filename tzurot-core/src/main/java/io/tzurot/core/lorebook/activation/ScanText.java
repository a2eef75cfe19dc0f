package io.tzurot.core.lorebook.activation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The chat text entries are scanned against, per scan depth: the newest messages first, one per line. Each depth's
 * text is built once per scan and remembers the answers it gave, so recursion passes ask again for free.
 */
final class ScanText {

    private static final Text EMPTY = new Text("");

    private final String[] newestFirst;
    private final Map<Integer, Text> byDepth = new HashMap<>();

    private ScanText(String[] newestFirst) {
        this.newestFirst = newestFirst;
    }

    /** The chat of one scan. */
    static ScanText of(List<LoreMessage> oldestFirst, boolean includeNames) {
        String[] newestFirst = new String[oldestFirst.size()];
        for (int i = 0; i < newestFirst.length; i++) {
            newestFirst[i] = oldestFirst.get(oldestFirst.size() - 1 - i).scanned(includeNames);
        }
        return new ScanText(newestFirst);
    }

    /** The text for an entry scanning {@code depth} messages (0 = none). */
    Text at(int depth) {
        int d = Math.min(depth, newestFirst.length);
        if (d == 0) {
            return EMPTY;
        }
        return byDepth.computeIfAbsent(d, n -> new Text(String.join("\n", Arrays.asList(newestFirst).subList(0, n))));
    }

    /**
     * One text to search: the chat at some depth, or the content fired in one recursion pass. A key made only of
     * word characters is a whole word exactly when it is one of the text's maximal word-character runs, so such keys
     * are answered from a word set instead of by searching; other answers are remembered.
     */
    static final class Text {
        private final String raw;
        private String lowered;
        private Set<String> words;
        private Set<String> lowerWords;
        /** Answers already given, per way of matching: regex, then case-sensitive × whole-words. */
        private final List<Map<ScanKey, Boolean>> memo = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>(), new HashMap<>());

        Text(String raw) {
            this.raw = raw;
        }

        String raw() {
            return raw;
        }

        /** Whether {@code key} occurs under the given rules. */
        boolean has(ScanKey key, boolean caseSensitive, boolean wholeWords) {
            if (raw.isEmpty()) {
                return false;
            }
            if (key.word() && wholeWords) {
                return caseSensitive ? words().contains(key.text()) : lowerWords().contains(key.lower());
            }
            // a regex carries its own flags; a plain key's answer depends on the entry's two settings
            Map<ScanKey, Boolean> answers = memo.get(key.regex() ? 0 : 1 + (caseSensitive ? 2 : 0) + (wholeWords ? 1 : 0));
            Boolean known = answers.get(key);
            if (known == null) {
                known = KeyMatcher.matches(key.text(), raw, lowered(), caseSensitive, wholeWords);
                answers.put(key, known);
            }
            return known;
        }

        private String lowered() {
            if (lowered == null) {
                lowered = raw.toLowerCase(Locale.ROOT);
            }
            return lowered;
        }

        private Set<String> words() {
            if (words == null) {
                words = KeyMatcher.words(raw);
            }
            return words;
        }

        private Set<String> lowerWords() {
            if (lowerWords == null) {
                lowerWords = KeyMatcher.words(lowered());
            }
            return lowerWords;
        }
    }
}
