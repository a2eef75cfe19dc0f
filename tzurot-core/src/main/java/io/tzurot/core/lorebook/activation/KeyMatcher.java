package io.tzurot.core.lorebook.activation;

import java.util.Locale;

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
            return RegexKeys.matches(key, raw); // a regex key's own flags decide case, as in SillyTavern
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

    /** JavaScript's {@code \w}: SillyTavern bounds whole words with {@code \W}. */
    private static boolean isWordChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
