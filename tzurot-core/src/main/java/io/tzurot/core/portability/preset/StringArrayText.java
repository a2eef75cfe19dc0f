package io.tzurot.core.portability.preset;

import io.tzurot.core.failure.DomainException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON array of strings written as text, as SillyTavern stores {@code custom_stop_strings}
 * ({@code "[\"\\nUser:\", \"###\"]"}); the core has no JSON library, and this is the only nested text it reads.
 */
final class StringArrayText {

    private StringArrayText() {
    }

    static List<String> parse(String text, String field) {
        List<String> out = new ArrayList<>();
        int i = skip(text, 0);
        if (i >= text.length() || text.charAt(i) != '[') {
            throw bad(field);
        }
        i = skip(text, i + 1);
        if (i < text.length() && text.charAt(i) == ']') {
            return end(text, i + 1, field, out);
        }
        while (true) {
            if (i >= text.length() || text.charAt(i) != '"') {
                throw bad(field);
            }
            StringBuilder s = new StringBuilder();
            i++;
            while (true) {
                if (i >= text.length()) {
                    throw bad(field);
                }
                char c = text.charAt(i++);
                if (c == '"') {
                    break;
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                if (i >= text.length()) {
                    throw bad(field);
                }
                char e = text.charAt(i++);
                switch (e) {
                    case 'n' -> s.append('\n');
                    case 't' -> s.append('\t');
                    case 'r' -> s.append('\r');
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case '"', '\\', '/' -> s.append(e);
                    case 'u' -> {
                        if (i + 4 > text.length()) {
                            throw bad(field);
                        }
                        try {
                            s.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw bad(field);
                        }
                        i += 4;
                    }
                    default -> throw bad(field);
                }
            }
            out.add(s.toString());
            i = skip(text, i);
            if (i < text.length() && text.charAt(i) == ',') {
                i = skip(text, i + 1);
            } else if (i < text.length() && text.charAt(i) == ']') {
                return end(text, i + 1, field, out);
            } else {
                throw bad(field);
            }
        }
    }

    private static List<String> end(String text, int i, String field, List<String> out) {
        if (skip(text, i) != text.length()) {
            throw bad(field);
        }
        return out;
    }

    private static int skip(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static DomainException bad(String field) {
        return DomainException.invalid(field, "'" + field + "' must be a list of text, or that list written as JSON"
                + " text such as [\"\\nUser:\"].");
    }
}
