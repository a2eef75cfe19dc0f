package io.tzurot.app.cli;

import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.CliStorage;
import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityInput;
import io.tzurot.core.personality.Slugs;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/**
 * {@code tzurot personality create|list|show|delete}: just enough to have someone to talk to, through the same
 * core use cases as the web and Discord. A refusal prints one {@code error:} line and exits 2 (invalid value or
 * conflict) or 1 (not found, not allowed).
 */
@Command(name = "personality", mixinStandardHelpOptions = true, description = "Create, list, show or delete characters.",
        subcommands = {PersonalityCommand.Create.class, PersonalityCommand.ListAll.class, PersonalityCommand.Show.class,
                PersonalityCommand.Delete.class, PersonalityFileCommands.Import.class, PersonalityFileCommands.Export.class,
                ShapesImportCommand.class})
public final class PersonalityCommand implements Runnable {

    /** The local operator's user id when BOT_OWNER_ID is unset; no Discord account has it. */
    static final String LOCAL_OPERATOR = "0";

    final CliContext context;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public PersonalityCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    /**
     * Runs {@code action} as the operator (or {@code userId}) with the configured database open and migrated;
     * returns its exit code, or that of the domain error it ends with. Its writes are announced on the fleet's
     * event bus (Redis when configured), so running processes drop what they cached.
     */
    int asUser(String userId, String option, BiFunction<ManagementUseCases, Actor, Integer> action) {
        return asUserWith(userId, option, (storage, actor) -> action.apply(storage.management(), actor));
    }

    /** {@link #asUser} with the import/export use cases. */
    int asUserWithCards(String userId, String option, BiFunction<io.tzurot.core.card.CardUseCases, Actor, Integer> action) {
        return asUserWith(userId, option, (storage, actor) -> action.apply(storage.cards(), actor));
    }

    int asUserWithShapes(String userId, String option,
                         BiFunction<io.tzurot.core.shapes.ImportingShapes, Actor, Integer> action) {
        return asUserWith(userId, option, (storage, actor) -> action.apply(storage.shapes(), actor));
    }

    private int asUserWith(String userId, String option, BiFunction<CliStorage, Actor, Integer> action) {
        TzurotConfig config = context.config();
        String id = userId != null ? userId : config.botOwnerId().orElse(LOCAL_OPERATOR);
        if (!id.matches("\\d{1,20}")) {
            context.err().println("error: " + option + " must be a user id of 1-20 digits, got '" + id + "'");
            return 2;
        }
        try (CliStorage storage = CliStorage.openAnnouncingChanges(config)) {
            boolean owner = id.equals(config.botOwnerId().orElse(LOCAL_OPERATOR));
            User user = storage.repositories().users().getOrCreate(new DiscordUserProfile(id,
                    id.equals(LOCAL_OPERATOR) ? "operator" : id, null, null, false), owner);
            return action.apply(storage, new Actor(user.id(), user.discordId(), user.superuser()));
        } catch (DomainException e) {
            return CliErrors.report(e.error(), context.err());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a character; prints its slug.")
    static final class Create implements Callable<Integer> {
        @ParentCommand PersonalityCommand parent;
        @Option(names = "--name", required = true, description = "Its name.") String name;
        @Option(names = "--slug", description = "Its slug (default: from the name).") String slug;
        @Option(names = "--character-info", description = "Who it is.") String characterInfo;
        @Option(names = "--personality-traits", description = "How it behaves.") String traits;
        @Option(names = "--system-prompt", description = "Its own system prompt.") String systemPrompt;
        @Option(names = "--owner", description = "Owner's user id (default: BOT_OWNER_ID).") String owner;
        @Option(names = "--private", description = "Only its owner may talk to it (default: public).") boolean hidden;

        @Override
        public Integer call() {
            return parent.asUser(owner, "--owner", (uc, actor) -> {
                PersonalityInput input = PersonalityInput.blank()
                        .with("name", name)
                        .with("characterInfo", characterInfo != null ? characterInfo
                                : name + " is a character people can talk to.")
                        .with("personalityTraits", traits != null ? traits : "curious, warm, attentive")
                        .withSlug(slug != null ? slug : Slugs.fromName(name))
                        .withPublic(!hidden);
                Personality created = uc.creatingPersonality().create(actor, input, systemPrompt);
                parent.context.out().println(created.slug());
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the characters you can see.")
    static final class ListAll implements Callable<Integer> {
        @ParentCommand PersonalityCommand parent;
        @Option(names = "--user", description = "List as this user id (default: BOT_OWNER_ID).") String user;

        @Override
        public Integer call() {
            return parent.asUser(user, "--user", (uc, actor) -> {
                for (Personality p : uc.viewingPersonalities().list(actor)) {
                    parent.context.out().printf("%-24s %-30s %s%n", p.slug(), p.shownName(), p.isPublic() ? "public" : "private");
                }
                return 0;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one character.")
    static final class Show implements Callable<Integer> {
        @ParentCommand PersonalityCommand parent;
        @Parameters(paramLabel = "SLUG") String slug;
        @Option(names = "--user", description = "Look as this user id (default: BOT_OWNER_ID).") String user;

        @Override
        public Integer call() {
            return parent.asUser(user, "--user", (uc, actor) -> {
                Personality p = uc.viewingPersonalities().lookup(actor, slug)
                        .orElseThrow(() -> DomainException.notFound("A character '" + slug + "' that you can see"));
                parent.context.out().printf("slug: %s%nname: %s%nvisibility: %s%ncharacter info: %s%ntraits: %s%n",
                        p.slug(), p.shownName(), p.isPublic() ? "public" : "private", p.characterInfo(), p.personalityTraits());
                return 0;
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a character you may edit.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand PersonalityCommand parent;
        @Parameters(paramLabel = "SLUG") String slug;
        @Option(names = "--user", description = "Act as this user id (default: BOT_OWNER_ID).") String user;

        @Override
        public Integer call() {
            return parent.asUser(user, "--user", (uc, actor) -> {
                Personality deleted = uc.deletingPersonality().delete(actor, slug);
                parent.context.out().println("deleted " + deleted.slug());
                return 0;
            });
        }
    }
}
