package io.tzurot.core.lorebook.activation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keys written as {@code /pattern/flags}: compiled once and cached; a pattern that does not compile matches nothing,
 * and a match that would take too long (catastrophic backtracking) counts as no match rather than hanging a reply.
 */
final class RegexKeys {

    /** Longest text a regex key is run on; the scan text starts with the newest message, so that part is kept. */
    static final int MAX_INPUT = 20_000;
    /** Character reads one regex test may make before it is given up: bounds the work, not the time. */
    static final long MAX_STEPS = 2_000_000;
    private static final int MAX_CACHED = 10_000;
    private static final Map<String, Optional<Compiled>> CACHE = new ConcurrentHashMap<>();

    private RegexKeys() {
    }

    /** Whether {@code key} is written as a regex: {@code /.../} with optional flags after the last slash. */
    static boolean isRegex(String key) {
        int last = key.lastIndexOf('/');
        return key.length() >= 3 && key.charAt(0) == '/' && last > 1 && key.substring(last + 1).chars()
                .allMatch(c -> "gimsuyd".indexOf(c) >= 0);
    }

    /**
     * A compiled regex key.
     *
     * @param literal text every match starts with (lower case when {@code ignoreCase}), or empty: a text without it
     *                cannot match, and {@link String#contains} says so far faster than the regex engine
     */
    record Compiled(Pattern pattern, String literal, boolean ignoreCase) {
    }

    /** The compiled pattern of a regex key, or empty when it does not compile. */
    static Optional<Compiled> compile(String key) {
        Optional<Compiled> cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        if (CACHE.size() >= MAX_CACHED) {
            CACHE.clear(); // keys come from user data: never let the cache grow without bound
        }
        Optional<Compiled> compiled = doCompile(key);
        CACHE.put(key, compiled);
        return compiled;
    }

    private static Optional<Compiled> doCompile(String key) {
        int last = key.lastIndexOf('/');
        String body = key.substring(1, last);
        String flagText = key.substring(last + 1);
        boolean ignoreCase = flagText.indexOf('i') >= 0;
        boolean ascii = body.chars().allMatch(c -> c < 128);
        int flags = 0;
        for (char f : flagText.toCharArray()) {
            switch (f) {
                // Unicode case folding costs a table look-up per character tried; an all-ASCII pattern folds ASCII
                // (it would miss only oddities such as the Kelvin sign for "k")
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE | (ascii ? 0 : Pattern.UNICODE_CASE);
                case 'm' -> flags |= Pattern.MULTILINE;
                case 's' -> flags |= Pattern.DOTALL;
                case 'u' -> flags |= Pattern.UNICODE_CHARACTER_CLASS;
                default -> { } // g, y, d change nothing for a yes/no test
            }
        }
        try {
            String literal = leadingLiteral(body);
            return Optional.of(new Compiled(Pattern.compile(body, flags),
                    ignoreCase ? literal.toLowerCase(Locale.ROOT) : literal, ignoreCase));
        } catch (IllegalArgumentException e) { // a PatternSyntaxException, or flags Java refuses
            return Optional.empty();
        }
    }

    /**
     * The longest run of plain letters, digits, spaces and underscores that every match must contain: taken outside
     * groups and classes, without a character a quantifier makes optional. Empty when unsure: an alternative at the
     * top, quoting, inline flags.
     */
    static String leadingLiteral(String body) {
        if (body.contains("\\Q") || INLINE_FLAGS.matcher(body).find()) {
            return "";
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        int inClass = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean keep = false;
            if (c == '\\') {
                i = skipEscape(body, i);
            } else if (inClass > 0) {
                inClass += c == '[' ? 1 : c == ']' ? -1 : 0;
            } else if (c == '[') {
                inClass = 1;
            } else if (c == '(' || c == ')') {
                depth += c == '(' ? 1 : -1;
            } else if (c == '|' && depth == 0) {
                return "";
            } else if (depth == 0 && isPlain(c)) {
                run.append(c);
                keep = true;
            } else if ("?*{".indexOf(c) >= 0) {
                if (run.length() > 0) {
                    run.setLength(run.length() - 1); // the quantifier makes the character before it optional
                }
                if (c == '{') {
                    int close = body.indexOf('}', i);
                    i = close < 0 ? body.length() : close; // its counts are no literal
                }
            }
            if (!keep) {
                if (run.length() > best.length()) {
                    best = run.toString();
                }
                run.setLength(0);
            }
        }
        return run.length() > best.length() ? run.toString() : best;
    }

    private static final Pattern INLINE_FLAGS = Pattern.compile("\\(\\?[a-zA-Z-]");

    /** The index of the last character of the escape starting at {@code i}. */
    private static int skipEscape(String body, int i) {
        if (i + 1 >= body.length()) {
            return i;
        }
        char next = body.charAt(i + 1);
        if ("pPNk".indexOf(next) >= 0 && i + 2 < body.length() && "{<".indexOf(body.charAt(i + 2)) >= 0) {
            int close = body.indexOf(body.charAt(i + 2) == '{' ? '}' : '>', i + 2);
            return close < 0 ? body.length() - 1 : close;
        }
        int extra = switch (next) {
            case 'x' -> i + 2 < body.length() && body.charAt(i + 2) == '{' ? Math.max(0, body.indexOf('}', i) - i - 1) : 2;
            case 'u' -> 4;
            case 'c' -> 1;
            case '0' -> 3;
            default -> 0;
        };
        int end = Math.min(body.length() - 1, i + 1 + extra);
        while (Character.isDigit(next) && next != '0' && end + 1 < body.length() && Character.isDigit(body.charAt(end + 1))) {
            end++; // a back-reference's digits
        }
        return end;
    }

    private static boolean isPlain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '_';
    }

    /** Whether the regex key finds a match in {@code text}; false for a bad pattern or a runaway match. */
    static boolean matches(String key, String text) {
        return matches(key, text, null);
    }

    /**
     * The same, given the text's lower-case copy when one exists already.
     *
     * @param lowered {@code text} in lower case (Locale.ROOT), or null to make it when needed
     */
    static boolean matches(String key, String text, String lowered) {
        Optional<Compiled> compiled = compile(key);
        if (compiled.isEmpty()) {
            return false;
        }
        Compiled c = compiled.get();
        if (!c.literal().isEmpty()) {
            String haystack = !c.ignoreCase() ? text
                    : lowered != null ? lowered : text.toLowerCase(Locale.ROOT);
            if (!haystack.contains(c.literal())) {
                return false;
            }
        }
        String input = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
        try {
            return c.pattern().matcher(new Bounded(input)).find();
        } catch (TooMuchWork | StackOverflowError e) {
            return false;
        }
    }

    /** A char sequence that stops a match after {@link #MAX_STEPS} reads. */
    private static final class Bounded implements CharSequence {
        private final String text;
        private final long[] steps;

        Bounded(String text) {
            this(text, new long[1]);
        }

        private Bounded(String text, long[] steps) {
            this.text = text;
            this.steps = steps;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > MAX_STEPS) {
                throw new TooMuchWork();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Bounded(text.substring(start, end), steps);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Thrown inside a match that has used up its steps; never leaves this class. */
    private static final class TooMuchWork extends RuntimeException {
        TooMuchWork() {
            super(null, null, false, false);
        }
    }
}
