package io.tzurot.core.lorebook.activation;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Whether one key occurs in a scan text, under an entry's case and whole-word rules. */
final class KeyMatcher {

    private KeyMatcher() {
    }

    /**
     * Tests {@code key} (already trimmed, not empty) against the scan text.
     *
     * @param raw       the scan text as written
     * @param lowered   the same text in lower case (for case-insensitive keys)
     */
    static boolean matches(String key, String raw, String lowered, boolean caseSensitive, boolean wholeWords) {
        if (RegexKeys.isRegex(key)) {
            return RegexKeys.matches(key, raw, lowered); // a regex key's own flags decide case, as in SillyTavern
        }
        String haystack = caseSensitive ? raw : lowered;
        String needle = caseSensitive ? key : key.toLowerCase(Locale.ROOT);
        if (!wholeWords || needle.chars().anyMatch(Character::isWhitespace)) {
            return haystack.contains(needle); // a key of several words is matched as written, whole-words or not
        }
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            if ((at == 0 || !isWordChar(haystack.charAt(at - 1)))
                    && (end == haystack.length() || !isWordChar(haystack.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether every character of {@code key} is a word character (then whole-word matching is a set lookup). */
    static boolean isWord(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (!isWordChar(key.charAt(i))) {
                return false;
            }
        }
        return !key.isEmpty();
    }

    /** The maximal runs of word characters in {@code text}. */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>(Math.max(16, text.length() / 4));
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && isWordChar(text.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    /** JavaScript's {@code \w}: SillyTavern bounds whole words with {@code \W}. */
    private static boolean isWordChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
