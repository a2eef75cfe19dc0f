package io.tzurot.app.config;

/** A configuration value is missing or wrong. The message is one line naming the variable. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Control characters in {@code message} (from a value quoted in it) are shown escaped, so it stays one line. */
    public ConfigException(String message) {
        super(escapeControls(message));
    }

    private static String escapeControls(String message) {
        if (message == null || message.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            return message;
        }
        StringBuilder b = new StringBuilder();
        message.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** "VARIABLE=shown is invalid: expected ..." with the value masked when it is secret. */
    public static ConfigException invalid(Variable variable, String rawValue, String expected) {
        // an invalid connection URL is shown with every parameter value hidden: a garbled name can hide a password
        // (a token or key shaped like a URL is masked as a token by display: its parameters need not be readable)
        boolean connectionUrl = variable == Variable.TZUROT_DATABASE_URL || variable == Variable.TZUROT_REDIS_URL;
        String shown = connectionUrl && rawValue != null ? UrlSecrets.maskUnreadable(rawValue) : variable.display(rawValue);
        return new ConfigException(variable.name() + "=" + printable(shown) + " is invalid: " + expected);
    }

    /**
     * A value as one printable line: control characters (a newline would split the message, an escape sequence
     * could repaint the terminal) are shown as a backslash-u escape, and a very long value is cut.
     */
    public static String printable(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        value.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > 200 ? b.append("…").toString() : b.toString();
    }
}
