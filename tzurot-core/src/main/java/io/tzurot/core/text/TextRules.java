package io.tzurot.core.text;

import io.tzurot.core.failure.DomainException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for every name and text a person types (characters, personas, presets and the rest):
 * normalised to NFC and trimmed; control characters (line breaks and tabs only in multi-line text),
 * text-direction overrides and text with nothing visible are refused; lengths count code points, so an
 * emoji is one character. Every refusal names the field.
 */
public final class TextRules {

    /** Whether line breaks and tabs are allowed. */
    public enum Lines { SINGLE, MULTI }

    private TextRules() {
    }

    /** The clean value of a required field, or {@link DomainException} (invalid field) saying what is expected. */
    public static String required(String field, String raw, int max, Lines lines) {
        String value = clean(raw);
        if (value.isEmpty()) {
            throw DomainException.invalid(field, "'" + field + "' is required: text of 1-" + max + " characters.");
        }
        return check(field, value, max, lines);
    }

    /** The clean value of an optional field; empty when absent or blank (blank means "not set"). */
    public static Optional<String> optional(String field, String raw, int max, Lines lines) {
        String value = clean(raw);
        return value.isEmpty() ? Optional.empty() : Optional.of(check(field, value, max, lines));
    }

    /** Length as people count it: code points. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** NFC and trimmed; null becomes "". */
    public static String clean(String raw) {
        return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
    }

    /** What is wrong with an already clean, non-empty value, or empty when it is acceptable. */
    public static Optional<String> problem(String field, String value, int max, Lines lines) {
        boolean visible = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (isDirectionControl(cp)) {
                return Optional.of("'" + field + "' contains a text-direction control character (" + hex(cp)
                        + "); remove it.");
            }
            boolean lineBreak = cp == '\n' || cp == '\r' || cp == '\t';
            if (lineBreak && lines == Lines.SINGLE) {
                return Optional.of("'" + field + "' must be a single line: no line breaks or tabs.");
            }
            if (!lineBreak && Character.getType(cp) == Character.CONTROL) {
                return Optional.of("'" + field + "' contains a control character (" + hex(cp) + "); only visible text, "
                        + "spaces" + (lines == Lines.MULTI ? " and line breaks" : "") + " are allowed.");
            }
            visible |= !isInvisible(cp);
        }
        if (!visible) {
            return Optional.of("'" + field + "' has no visible characters; expected text of 1-" + max + " characters.");
        }
        int length = length(value);
        if (length > max) {
            return Optional.of("'" + field + "' is at most " + max + " characters, got " + length + ".");
        }
        return Optional.empty();
    }

    private static String check(String field, String value, int max, Lines lines) {
        problem(field, value, max, lines).ifPresent(p -> {
            throw DomainException.invalid(field, p);
        });
        return value;
    }

    /** Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which can make text read backwards. */
    static boolean isDirectionControl(int cp) {
        return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
    }

    /** White space, format characters (zero-width space/joiners, BOM), fillers and variation selectors. */
    static boolean isInvisible(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.CONTROL
                || Character.getType(cp) == Character.NON_SPACING_MARK
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800 || cp == 0x034F
                || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    private static String hex(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
