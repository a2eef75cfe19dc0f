package io.tzurot.app.cli;

import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.CliStorage;
import io.tzurot.core.access.AccessServices;
import io.tzurot.core.access.IssuedApiToken;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tzurot token create --user USER_ID [--owner] [--label TEXT]}: prints a new API bearer token. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create API bearer tokens.",
        subcommands = TokenCommand.Create.class)
public final class TokenCommand implements Runnable {

    final CliContext context;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public TokenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a bearer token for a user and print it (it is shown only this once).")
    static final class Create implements Callable<Integer> {
        @ParentCommand TokenCommand parent;
        @Option(names = "--user", required = true, description = "The user's id (digits).") String user;
        @Option(names = "--owner", description = "The token acts with the bot owner's rights.") boolean owner;
        @Option(names = "--label", description = "A note to recognise the token by.") String label;

        @Override
        public Integer call() {
            TzurotConfig config = parent.context.config();
            try (CliStorage storage = CliStorage.open(config)) {
                AccessServices access = storage.access();
                IssuedApiToken token;
                try {
                    token = access.issuing().issueForDiscordUser(user, owner, label);
                } catch (IllegalArgumentException e) {
                    parent.context.err().println("error: --user " + user + " is invalid: " + e.getMessage());
                    return 2;
                }
                parent.context.out().println(token.secret());
                return 0;
            }
        }
    }
}
