package io.tzurot.app.cli;

import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.TzurotConfig;
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
        return TzurotConfig.from(sources());
    }
}
