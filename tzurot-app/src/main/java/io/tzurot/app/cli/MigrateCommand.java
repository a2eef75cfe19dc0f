package io.tzurot.app.cli;

import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.Launcher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tzurot migrate}: applies pending database migrations and exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending database migrations and exit.")
public final class MigrateCommand implements Callable<Integer> {

    private final CliContext context;

    public MigrateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TzurotConfig config = context.config();
        int applied = new Launcher(context.out()).migrate(config);
        String target = config.databaseDescription();
        context.out().println(applied == 0 ? "Database is up to date: " + target
                : "Applied " + applied + " migration" + (applied == 1 ? "" : "s") + " to " + target);
        return 0;
    }
}
