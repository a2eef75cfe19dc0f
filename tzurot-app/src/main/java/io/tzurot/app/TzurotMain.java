package io.tzurot.app;

import io.tzurot.app.cli.ChatCommand;
import io.tzurot.app.cli.CliContext;
import io.tzurot.app.cli.JobsCommand;
import io.tzurot.app.cli.PersonalityCommand;
import io.tzurot.app.cli.PresetCommand;
import io.tzurot.app.cli.ConfigCommand;
import io.tzurot.app.cli.MigrateCommand;
import io.tzurot.app.cli.SelfcheckCommand;
import io.tzurot.app.cli.TokenCommand;
import io.tzurot.app.cli.UserCommand;
import io.tzurot.app.cli.StartCommand;
import io.tzurot.app.cli.TzurotCommand;
import io.tzurot.app.config.ConfigException;
import picocli.CommandLine;

/** The {@code tzurot} executable. Exit codes: 0 success, 1 failure, 2 bad configuration or usage. */
public final class TzurotMain {

    public static final int EXIT_CONFIG = 2;

    private TzurotMain() {
    }

    public static void main(String[] args) {
        // Initialise logging on this thread before start-up fans out, so no call is queued and replayed.
        org.slf4j.LoggerFactory.getILoggerFactory();
        int code = run(CliContext.system(), args);
        // `start` returns once stopped by SIGTERM/SIGINT and closed; exiting explicitly also ends threads a library
        // left running. When the stop came through a shutdown hook instead, this call just waits for the JVM to halt.
        System.exit(code);
    }

    /** Runs one command line against the given context; returns the exit code. */
    public static int run(CliContext context, String... args) {
        CommandLine cli = new CommandLine(new TzurotCommand(), new Factory(context));
        cli.setOut(new java.io.PrintWriter(context.out(), true));
        cli.setErr(new java.io.PrintWriter(context.err(), true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                context.err().println("error: " + e.getMessage());
                return EXIT_CONFIG;
            }
            context.err().println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            org.slf4j.LoggerFactory.getLogger(TzurotMain.class).debug("command failed", e);
            return 1;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            context.err().println("error: " + e.getMessage());
            e.getCommandLine().usage(context.err());
            return EXIT_CONFIG;
        });
        return cli.execute(args);
    }

    /** Builds commands with the context they need (constructor wiring, no reflection magic beyond picocli's). */
    private record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == StartCommand.class) {
                return type.cast(new StartCommand(context));
            }
            if (type == ConfigCommand.class) {
                return type.cast(new ConfigCommand(context));
            }
            if (type == MigrateCommand.class) {
                return type.cast(new MigrateCommand(context));
            }
            if (type == PersonalityCommand.class) {
                return type.cast(new PersonalityCommand(context));
            }
            if (type == PresetCommand.class) {
                return type.cast(new PresetCommand(context));
            }
            if (type == UserCommand.class) {
                return type.cast(new UserCommand(context));
            }
            if (type == TokenCommand.class) {
                return type.cast(new TokenCommand(context));
            }
            if (type == ChatCommand.class) {
                return type.cast(new ChatCommand(context, System.in));
            }
            if (type == JobsCommand.class) {
                return type.cast(new JobsCommand(context));
            }
            if (type == SelfcheckCommand.class) {
                return type.cast(new SelfcheckCommand(context));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
