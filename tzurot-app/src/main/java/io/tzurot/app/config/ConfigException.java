package io.tzurot.app.config;

/** A configuration value is missing or wrong. The message is one line naming the variable. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    /** "VARIABLE=shown is invalid: expected ..." with the value masked when it is secret. */
    public static ConfigException invalid(Variable variable, String rawValue, String expected) {
        return new ConfigException(variable.name() + "=" + variable.display(rawValue) + " is invalid: " + expected);
    }
}
