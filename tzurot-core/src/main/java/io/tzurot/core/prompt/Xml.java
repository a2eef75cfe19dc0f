package io.tzurot.core.prompt;

/** Escaping for the XML-ish prompt: user text can never open or close a section. */
public final class Xml {

    private Xml() {
    }

    /** Escapes element content: {@code & < >}, and drops characters XML cannot carry. */
    public static String text(String value) {
        return escape(value, false);
    }

    /** Escapes an attribute value: {@code & < > " '}, and drops characters XML cannot carry. */
    public static String attr(String value) {
        return escape(value, true);
    }

    private static String escape(String value, boolean attribute) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        StringBuilder out = null;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            String replacement = replacementFor(value, i, c, attribute);
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                // Most text needs no escaping; allocate only once something must change.
                out = new StringBuilder(length + 16).append(value, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? value : out.toString();
    }

    private static String replacementFor(String value, int i, char c, boolean attribute) {
        switch (c) {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '"':
                return attribute ? "&quot;" : null;
            case '\'':
                return attribute ? "&apos;" : null;
            default:
                break;
        }
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            return "";
        }
        if (c == '\uFFFE' || c == '\uFFFF') {
            return "";
        }
        if (Character.isHighSurrogate(c)) {
            boolean paired = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            return paired ? null : "\uFFFD";
        }
        if (Character.isLowSurrogate(c)) {
            boolean paired = i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
            return paired ? null : "\uFFFD";
        }
        return null;
    }
}
