package io.tzurot.app.cli;

import io.tzurot.app.launch.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The root command: {@code tzurot <subcommand>}. */
@Command(name = "tzurot",
        mixinStandardHelpOptions = true,
        versionProvider = TzurotCommand.VersionProvider.class,
        description = "Self-hostable AI characters whose home is Discord.",
        subcommands = {StartCommand.class, ConfigCommand.class, MigrateCommand.class, SelfcheckCommand.class,
                PersonalityCommand.class, PresetCommand.class, UserCommand.class, ChatCommand.class, TokenCommand.class, JobsCommand.class})
public final class TzurotCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints {@code tzurot <version>}. */
    public static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tzurot " + Version.current()};
        }
    }
}
