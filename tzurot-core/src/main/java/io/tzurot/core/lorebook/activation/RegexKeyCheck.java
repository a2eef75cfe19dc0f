package io.tzurot.core.lorebook.activation;

/** Tells an editor whether a key written {@code /pattern/flags} is a regex the scanner can run. */
public final class RegexKeyCheck {

    private RegexKeyCheck() {
    }

    /** Whether the key is written as a regex ({@code /.../flags}). */
    public static boolean isRegex(String key) {
        return RegexKeys.isRegex(key);
    }

    /** Whether a key written as a regex compiles (a plain key always passes). */
    public static boolean compiles(String key) {
        return !RegexKeys.isRegex(key) || RegexKeys.compile(key).isPresent();
    }
}
