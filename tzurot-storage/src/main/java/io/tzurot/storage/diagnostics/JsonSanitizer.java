package io.tzurot.storage.diagnostics;

/**
 * Makes JSON text acceptable to PostgreSQL's jsonb: NUL characters and {@code \u0000} escapes are dropped,
 * and unpaired UTF-16 surrogates (raw or escaped) become U+FFFD, which jsonb would otherwise reject.
 */
final class JsonSanitizer {

    private static final String REPLACEMENT_ESCAPE = "\\ufffd";

    private JsonSanitizer() {
    }

    static String sanitize(String json) {
        return needsWork(json) ? rewrite(json) : json;
    }

    /**
     * Whether the text holds a NUL, a surrogate or a {@code \\u} escape, looked for in one pass over a copy of its
     * chars: a flight record is tens of kilobytes, nearly always clean, and reading it char by char through
     * {@code String.charAt} cost 3 % of a worker's CPU.
     */
    private static boolean needsWork(String json) {
        char[] chars = json.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == 0 || (c >= '\uD800' && c <= '\uDFFF')) {
                return true;
            }
            if (c == '\\' && i + 1 < chars.length) {
                if (chars[i + 1] == 'u') {
                    return true;
                }
                i++; // an escape's second char is never the start of another
            }
        }
        return false;
    }

    private static String rewrite(String json) {
        StringBuilder out = null;
        int n = json.length();
        for (int i = 0; i < n; i++) {
            char c = json.charAt(i);
            String replacement = null;
            int skip = 0;
            if (c == 0) {
                replacement = "";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(json.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(json.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replacement = "\uFFFD";
            } else if (Character.isLowSurrogate(c)) {
                replacement = "\uFFFD";
            } else if (c == '\\' && i + 1 < n) {
                if (json.charAt(i + 1) != 'u') {
                    // any other escape (\\, \", \n ...) is copied as a unit so its second char is not re-read
                    if (out != null) {
                        out.append(c).append(json.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                int code = hex(json, i + 2);
                if (code == 0) {
                    replacement = "";
                    skip = 5;
                } else if (code >= 0xD800 && code <= 0xDBFF) {
                    int next = json.startsWith("\\u", i + 6) ? hex(json, i + 8) : -1;
                    if (next >= 0xDC00 && next <= 0xDFFF) {
                        if (out != null) {
                            out.append(json, i, i + 12);
                        }
                        i += 11;
                        continue;
                    }
                    replacement = REPLACEMENT_ESCAPE;
                    skip = 5;
                } else if (code >= 0xDC00 && code <= 0xDFFF) {
                    replacement = REPLACEMENT_ESCAPE;
                    skip = 5;
                }
            }
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n).append(json, 0, i);
            }
            out.append(replacement);
            i += skip;
        }
        return out == null ? json : out.toString();
    }

    /** The value of four hex digits at {@code from}, or -1 when they are missing or malformed. */
    private static int hex(String s, int from) {
        if (from + 4 > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + 4; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
