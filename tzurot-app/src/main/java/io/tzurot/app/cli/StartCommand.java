package io.tzurot.app.cli;

import io.tzurot.app.config.ConfigException;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.discord.bot.ShardRange;
import io.tzurot.app.launch.Launcher;
import io.tzurot.app.launch.RunningTzurot;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tzurot start [--roles discord,api,worker]}: runs until Ctrl-C or SIGTERM. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start Tzurot with the given roles (all by default) and run until stopped.")
public final class StartCommand implements Callable<Integer> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StartCommand.class);

    private final CliContext context;

    @Option(names = "--roles", paramLabel = "ROLES",
            description = "Comma-separated roles: discord, api, worker (default: TZUROT_ROLES, else all).")
    String roles;

    @Option(names = "--shards", paramLabel = "A-B", description = "Discord shard ids this process runs, e.g. 0-3.")
    String shards;

    @Option(names = "--shard-total", paramLabel = "N", description = "Total Discord shards across all processes.")
    Integer shardTotal;

    public StartCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        TzurotConfig config = context.config();
        if (roles != null) {
            config = config.withRoles(roles);
        }
        ShardRange range = ShardRange.single();
        if (shards != null || shardTotal != null) {
            if (shards == null || shardTotal == null) {
                throw new ConfigException("--shards and --shard-total go together, e.g. --shards 0-3 --shard-total 8");
            }
            try {
                range = ShardRange.parse(shards, shardTotal);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--shards " + shards + " --shard-total " + shardTotal + " is invalid: " + e.getMessage());
            }
        }
        RunningTzurot running = new Launcher(context.out()).start(config, range);
        stopOnSignals(running);
        // Fallback for any other way the JVM shuts down (System.exit elsewhere, SIGHUP): still close in order.
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "tzurot-shutdown-hook"));
        running.awaitClosed();
        return 0;
    }

    /**
     * SIGTERM and SIGINT stop the process in order on a thread of its own (the worker stops taking jobs, finishes or
     * hands back what it holds, the engine flushes its writes), after which {@link #call} returns 0 and the process
     * exits 0. Handled as signals rather than by a shutdown hook alone: inside a hook the JVM would exit 143, and
     * other libraries' hooks (connection pools, Netty) would race ours.
     */
    @SuppressWarnings("restriction")
    private static void stopOnSignals(RunningTzurot running) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    LOG.info("received SIG{}: stopping", signal.getName());
                    Thread stopper = new Thread(running::close, "tzurot-shutdown");
                    stopper.start();
                });
            } catch (IllegalArgumentException e) {
                LOG.debug("cannot handle SIG{} here; the shutdown hook stops the process", name);
            }
        }
    }
}
