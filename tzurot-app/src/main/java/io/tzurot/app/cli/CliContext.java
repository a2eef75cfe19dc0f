package io.tzurot.app.cli;

import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.Role;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.logging.LogSetup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What every command sees of the outside world: environment, working directory, output streams. */
public record CliContext(Map<String, String> environment, Path workingDirectory, PrintStream out, PrintStream err) {

    public static CliContext system() {
        return new CliContext(System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err);
    }

    public ConfigSources sources() {
        return ConfigSources.load(environment, workingDirectory);
    }

    /** The validated configuration; throws ConfigException (exit code 2) when a value is wrong. */
    public TzurotConfig config() {
        TzurotConfig config = TzurotConfig.from(sources());
        // from here on every line is in the configured format (the few before are start-up text lines)
        LogSetup.apply(config.logFormat(), String.join(",", config.roles().stream().map(Role::label).toList()));
        return config;
    }
}
