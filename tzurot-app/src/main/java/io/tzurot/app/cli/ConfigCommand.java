package io.tzurot.app.cli;

import io.tzurot.app.config.ConfigException;
import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.EncryptionKeySource;
import io.tzurot.app.config.Source;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.config.Variable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tzurot config}: the effective configuration, secrets masked, with where each value came from. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration (secrets masked) and where each value came from.")
public final class ConfigCommand implements Callable<Integer> {

    private final CliContext context;

    public ConfigCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigSources sources = context.sources();
        TzurotConfig config = null;
        String problem = null;
        try {
            config = TzurotConfig.from(sources);
        } catch (ConfigException e) {
            problem = e.getMessage();
        }
        String format = "%-22s %-44s %s%n";
        context.out().printf(format, "VARIABLE", "VALUE", "SOURCE");
        for (Variable v : Variable.values()) {
            ConfigSources.Entry entry = sources.get(v);
            String value = entry.value() == null ? "-" : v.display(entry.value());
            String source = entry.source().label();
            if (v == Variable.TZUROT_ENCRYPTION_KEY && entry.value() == null && config != null) {
                Source keySource = EncryptionKeySource.peek(config);
                value = keySource == Source.DATA_DIR ? "****" : "-";
                source = keySource == Source.DATA_DIR ? "data dir (" + EncryptionKeySource.FILE_NAME + ")"
                        : "generated into the data dir at first start";
            }
            context.out().printf(format, v.name(), value, source);
        }
        if (problem != null) {
            context.err().println("error: " + problem);
            return 2;
        }
        context.out().println();
        context.out().println("profile: " + config.profile().label() + "; roles: "
                + String.join(",", config.roles().stream().map(r -> r.label()).toList()));
        return 0;
    }
}
