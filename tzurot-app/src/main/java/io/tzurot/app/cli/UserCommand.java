package io.tzurot.app.cli;

import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.CliStorage;
import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.portability.ExportJob;
import io.tzurot.core.userdata.ErasingUser;
import io.tzurot.core.userdata.ErasureCounts;
import io.tzurot.core.userdata.ExportingUserData;
import io.tzurot.core.userdata.UserDataUseCases;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/**
 * {@code tzurot user erase USER_ID} and {@code tzurot user export USER_ID --out FILE}: the operator's account
 * erasure and whole-data export, through the same core use cases as the API. Refusals print one {@code error:}
 * line (exit codes as {@link CliErrors}).
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Export or erase a user's data (operator).",
        subcommands = {UserCommand.Erase.class, UserCommand.Export.class})
public final class UserCommand implements Runnable {

    final CliContext context;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public UserCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    /** Runs {@code action} as the operator (the bot owner) with the database open; changes are announced. */
    int asOperator(String userId, BiFunction<UserDataUseCases, Actor, Integer> action) {
        if (userId == null || !userId.matches("\\d{1,20}")) {
            context.err().println("error: USER_ID must be a Discord user id of 1-20 digits, got '" + userId + "'");
            return 2;
        }
        TzurotConfig config = context.config();
        String operator = config.botOwnerId().orElse(PersonalityCommand.LOCAL_OPERATOR);
        try (CliStorage storage = CliStorage.openAnnouncingChanges(config)) {
            User me = storage.repositories().users().getOrCreate(new DiscordUserProfile(operator,
                    operator.equals(PersonalityCommand.LOCAL_OPERATOR) ? "operator" : operator, null, null, false), true);
            return action.apply(storage.userData(), new Actor(me.id(), me.discordId(), true));
        } catch (DomainException e) {
            return CliErrors.report(e.error(), context.err());
        }
    }

    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = "Remove every row of a user (personas, presets, characters they created, memories, history,"
                    + " keys, settings); prints what was removed. Cannot be undone.")
    static final class Erase implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Parameters(paramLabel = "USER_ID", description = "The user's Discord id.") String userId;

        @Override
        public Integer call() {
            return parent.asOperator(userId, (uc, operator) -> {
                // the operator typed the command: that is the confirmation
                ErasingUser.Report r = uc.erasing().erase(operator, userId, ErasingUser.CONFIRMATION);
                ErasureCounts c = r.counts();
                parent.context.out().printf("erased %s: %d personas, %d presets, %d characters, %d memories, %d messages;"
                                + " with the characters: %d messages and %d memories of other users%n", r.discordId(),
                        c.personas(), c.presets(), c.characters(), c.memories(), c.messages(), c.othersMessages(),
                        c.othersMemories());
                return 0;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a user's whole data as a ZIP file.")
    static final class Export implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Parameters(paramLabel = "USER_ID", description = "The user's Discord id.") String userId;
        @Option(names = "--out", required = true, description = "The ZIP file to write.") Path out;

        @Override
        public Integer call() {
            return parent.asOperator(userId, (uc, operator) -> {
                ExportJob job = uc.exporting().start(operator, userId); // built in this thread
                ExportingUserData.Download d = uc.exporting().download(operator, userId, job.id());
                try {
                    Files.write(parent.context.workingDirectory().resolve(out.toString()), d.zip());
                } catch (IOException e) {
                    parent.context.err().println("error: could not write " + out + ": " + e.getMessage());
                    return 1;
                }
                parent.context.out().println(out);
                return 0;
            });
        }
    }
}
