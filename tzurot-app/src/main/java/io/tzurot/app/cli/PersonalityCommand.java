package io.tzurot.app.cli;

import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.Launcher;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.personality.SlugTakenException;
import io.tzurot.core.personality.SystemPrompt;
import io.tzurot.core.personality.Viewer;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Database;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code tzurot personality create|list|show|delete}: just enough to have someone to talk to. */
@Command(name = "personality", mixinStandardHelpOptions = true, description = "Create, list, show or delete characters.",
        subcommands = {PersonalityCommand.Create.class, PersonalityCommand.ListAll.class, PersonalityCommand.Show.class,
                PersonalityCommand.Delete.class})
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
     * Runs {@code action} with the configured database open and migrated; returns its exit code. Its writes are
     * announced on the fleet's event bus (Redis when configured), so running processes drop what they cached.
     */
    int withStorage(java.util.function.BiFunction<TzurotConfig, Repositories, Integer> action) {
        TzurotConfig config = context.config();
        try (Database db = Launcher.openDatabase(config);
             io.tzurot.messaging.Messaging messaging = io.tzurot.app.fleet.FleetWiring.messaging(config)) {
            return action.apply(config, Repositories.of(db, Clock.systemUTC(), messaging));
        }
    }

    static User operator(Repositories repos, TzurotConfig config, String userId) {
        String id = userId != null ? userId : config.botOwnerId().orElse(LOCAL_OPERATOR);
        if (!id.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("--owner must be a user id of 1-20 digits, got '" + id + "'");
        }
        boolean owner = id.equals(config.botOwnerId().orElse(LOCAL_OPERATOR));
        return repos.users().getOrCreate(new DiscordUserProfile(id, id.equals(LOCAL_OPERATOR) ? "operator" : id, null,
                null, false), owner);
    }

    /** Slug from a name: lowercase letters, digits and single hyphens, starting with a letter. */
    static String slugOf(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        slug = slug.replaceFirst("^[0-9-]+", "");
        if (slug.length() < 3) {
            slug = (slug + "-character").replaceFirst("^-", "");
        }
        return slug.length() > 50 ? slug.substring(0, 50).replaceAll("-+$", "") : slug;
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
            return parent.withStorage((config, repos) -> {
                User user = operator(repos, config, owner);
                String chosen = slug != null ? slug.strip() : slugOf(name);
                PersonalityDraft draft = new PersonalityDraft(name, null, chosen,
                        characterInfo != null ? characterInfo : name + " is a character people can talk to.",
                        traits != null ? traits : "curious, warm, attentive", null, null, null, null, null, null, null,
                        null, !hidden);
                Personality created;
                try {
                    created = repos.personalities().create(user.id(), draft);
                } catch (SlugTakenException e) {
                    parent.context.err().println("error: --slug " + chosen + " is taken; choose another with --slug");
                    return 2;
                }
                if (systemPrompt != null && !systemPrompt.isBlank()) {
                    SystemPrompt prompt = repos.systemPrompts().save(created.slug() + "-system", "system prompt of "
                            + created.name(), systemPrompt, false);
                    repos.personalities().setSystemPrompt(created.id(), prompt.id());
                }
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
            return parent.withStorage((config, repos) -> {
                for (Personality p : repos.personalities().listVisible(Viewer.of(operator(repos, config, user)))) {
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
            return parent.withStorage((config, repos) -> {
                Optional<Personality> found = repos.personalities().lookup(slug, Viewer.of(operator(repos, config, user)));
                if (found.isEmpty()) {
                    parent.context.err().println("error: no character '" + slug + "' that you can see");
                    return 1;
                }
                Personality p = found.get();
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
            return parent.withStorage((config, repos) -> {
                Viewer viewer = Viewer.of(operator(repos, config, user));
                Optional<Personality> found = repos.personalities().lookup(slug, viewer);
                if (found.isEmpty() || !repos.personalities().canEdit(found.get().id(), viewer)) {
                    parent.context.err().println("error: no character '" + slug + "' that you may delete");
                    return 1;
                }
                repos.personalities().delete(found.get().id());
                parent.context.out().println("deleted " + found.get().slug());
                return 0;
            });
        }
    }
}
