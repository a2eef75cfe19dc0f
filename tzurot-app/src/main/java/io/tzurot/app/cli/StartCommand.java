package io.tzurot.app.cli;

import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.Launcher;
import io.tzurot.app.launch.RunningTzurot;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tzurot start [--roles discord,api,worker]}: runs until Ctrl-C or SIGTERM. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start Tzurot with the given roles (all by default) and run until stopped.")
public final class StartCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--roles", paramLabel = "ROLES",
            description = "Comma-separated roles: discord, api, worker (default: TZUROT_ROLES, else all).")
    String roles;

    public StartCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        TzurotConfig config = context.config();
        if (roles != null) {
            config = config.withRoles(roles);
        }
        RunningTzurot running = new Launcher(context.out()).start(config);
        Thread hook = new Thread(running::close, "tzurot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        running.awaitClosed();
        return 0;
    }
}
