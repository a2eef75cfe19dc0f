package io.tzurot.app.config;

/** Where a configuration value came from, as {@code tzurot config} shows it. */
public enum Source {
    ENVIRONMENT("environment"),
    DOTENV(".env file"),
    COMMAND_LINE("command line"),
    DATA_DIR("data dir"),
    DEFAULT("default"),
    UNSET("not set");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
