package io.tzurot.core.lorebook.activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One key, looked at once per scan rather than once per test: whether it is a regex, whether it is a single word
 * (then whole-word matching is a set look-up) and its lower-case form.
 */
record ScanKey(String text, boolean regex, boolean word, String lower) {

    static ScanKey of(String text) {
        boolean regex = RegexKeys.isRegex(text);
        return new ScanKey(text, regex, !regex && KeyMatcher.isWord(text), text.toLowerCase(Locale.ROOT));
    }

    /** The trimmed keys, empty ones dropped (SillyTavern skips them). */
    static List<ScanKey> all(List<String> keys) {
        List<ScanKey> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            if (k != null && !k.isBlank()) {
                out.add(of(k.strip()));
            }
        }
        return out;
    }
}
