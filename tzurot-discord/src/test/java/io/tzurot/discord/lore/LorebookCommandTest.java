package io.tzurot.discord.lore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.card.LorebookFiles;
import io.tzurot.core.lorebook.AttachingLorebooks;
import io.tzurot.core.lorebook.EditingLorebooks;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LoreTarget;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.lorebook.activation.LoreUseCases;
import io.tzurot.core.lorebook.activation.TestingLorebook;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.Callers;
import io.tzurot.discord.command.CommandRegistrar;
import io.tzurot.discord.command.CommandRouter;
import io.tzurot.storage.card.FileCardCodec;
import io.tzurot.storage.card.JdbiTransactions;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.lorebook.JdbiLorebookRepository;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /lorebook} on the simulator with real JDA and H2: every subcommand's happy path, the permission refusals of
 * the core use cases (another's book, a channel without Manage Messages, everything without being the bot owner) and
 * clear errors on bad input, with nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LorebookCommandTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private DiscordSimulator simulator;
    private Database database;
    private JDA jda;
    private JdbiUserRepository users;
    private JdbiLorebookRepository books;
    private SimUser alice;
    private SimUser bob;
    private SimUser mod;
    private SimGuild guild;
    private SimTextChannel channel;
    private UUID ada;

    /** Callers resolved to stored users, as the bot does; only {@code mod} holds Manage Messages. */
    private final class StoredCallers implements Callers {
        @Override
        public boolean denied(Interaction interaction) {
            return false;
        }

        @Override
        public Caller resolve(Interaction interaction) {
            User user = users.getOrCreate(new DiscordUserProfile(interaction.getUser().getId(),
                    interaction.getUser().getName(), null, null, false), false);
            boolean manager = interaction.getUser().getId().equals(Long.toString(mod.id()));
            return new Caller(user, interaction.getUser().getId(), interaction.getUser().getName(),
                    Optional.of(Long.toString(guild.id())), interaction.getChannelId(), Optional.empty(), manager,
                    false);
        }
    }

    @BeforeAll
    void start() throws InterruptedException {
        database = Database.open(DatabaseSettings.inMemory("lorebook-cmd-" + UUID.randomUUID()));
        Clock clock = Clock.systemUTC();
        users = new JdbiUserRepository(database.jdbi(), clock);
        JdbiPersonaRepository personas = new JdbiPersonaRepository(database.jdbi(), clock);
        JdbiPersonalityRepository personalities = new JdbiPersonalityRepository(database.jdbi(), clock);
        books = new JdbiLorebookRepository(database.jdbi(), clock);
        simulator = DiscordSimulator.start();
        guild = simulator.world().createGuild("Lore Guild");
        alice = simulator.world().createMember(guild, "alice");
        bob = simulator.world().createMember(guild, "bob");
        mod = simulator.world().createMember(guild, "mod");
        channel = simulator.world().createTextChannel(guild, "lore");
        ada = personalities.create(stored(alice).id(), PersonalityDraft.of("Ada", "ada", "A librarian.", "kind")).id();

        ViewingPersonalities viewing = new ViewingPersonalities(personalities);
        LoreServices services = new LoreServices(new EditingLorebooks(books),
                new LoreUseCases(new AttachingLorebooks(books, personas), new TestingLorebook(books,
                        text -> Math.max(1, text.length() / 4))),
                new LorebookFiles(new FileCardCodec(), books, viewing, new JdbiTransactions(database.jdbi())));
        CommandRouter router = new CommandRouter(List.of(new LorebookCommand(Optional.of(services),
                new CharacterChoices(viewing))), List.of(), new StoredCallers(), Executors.newFixedThreadPool(2));
        jda = JDABuilder.createDefault(simulator.botToken()).enableIntents(GatewayIntent.MESSAGE_CONTENT)
                .setRestConfig(new RestConfig().setBaseUrl(simulator.restBaseUrl()))
                .setSessionController(new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return simulator.gatewayUrl();
                    }
                })
                .setCompression(Compression.NONE).addEventListeners(router).build();
        jda.awaitReady();
        CommandRegistrar.register(List.of(jda), Optional.empty(), router);
    }

    @AfterAll
    void stop() {
        if (jda != null) {
            jda.shutdownNow();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private User stored(SimUser user) {
        return users.getOrCreate(new DiscordUserProfile(Long.toString(user.id()), user.username(), null, null, false),
                false);
    }

    private String run(SimUser user, String path, Map<String, String> options) {
        return answerTo(simulator.users().slashCommand(user, channel, path, options));
    }

    private String answerTo(long interactionId) {
        List<SimMessage> answers = await().atMost(PATIENCE).until(() -> simulator.ephemeralsFor(interactionId),
                l -> !l.isEmpty() && !l.get(l.size() - 1).content().isEmpty());
        return answers.get(answers.size() - 1).content();
    }

    private BotActivity.InteractionAnswered modal(SimUser user, String path, Map<String, String> options) {
        long id = simulator.users().slashCommand(user, channel, path, options);
        BotActivity.InteractionAnswered answered = await().atMost(PATIENCE).until(() -> simulator.answer(id),
                Optional::isPresent).orElseThrow();
        assertThat(answered.callbackType()).as("a modal").isEqualTo(9);
        return answered;
    }

    private String submit(SimUser user, String customId, Map<String, String> fields) {
        return answerTo(simulator.users().submitModal(user, channel, customId, fields));
    }

    private List<String> choices(SimUser user, String path, String option, String typed) {
        long id = simulator.users().autocomplete(user, channel, path, option, Map.of(option, typed));
        BotActivity.InteractionAnswered answered = await().atMost(PATIENCE).until(() -> simulator.answer(id),
                Optional::isPresent).orElseThrow();
        List<String> values = new java.util.ArrayList<>();
        answered.data().path("choices").forEach(c -> values.add(c.path("value").asText()));
        return values;
    }

    private Lorebook book(User owner, String name) {
        UUID id = books.listOwned(owner.id()).stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow()
                .id();
        return books.find(id).orElseThrow();
    }

    @Test
    void createAddEntriesViewSetTestAndRemove() {
        assertThat(run(alice, "lorebook create", Map.of("name", "Moon lore"))).startsWith("✅ Created **Moon lore**");
        Lorebook moon = book(stored(alice), "Moon lore");
        String id = moon.id().toString();

        BotActivity.InteractionAnswered form = modal(alice, "lorebook entry add", Map.of("book", id));
        assertThat(form.data().path("custom_id").asText()).isEqualTo("lorebook::entry::" + id + "::0");
        assertThat(submit(alice, "lorebook::entry::" + id + "::0", Map.of("keys", "moon, lunar", "secondaryKeys", "",
                "content", "The moon is hollow.", "comment", "Hollow moon")))
                .startsWith("✅ Added entry #1 of **Moon lore**").contains("`moon`, `lunar`");
        assertThat(submit(alice, "lorebook::entry::" + id + "::0", Map.of("keys", "tide", "secondaryKeys", "",
                "content", "Tides follow it.", "comment", ""))).startsWith("✅ Added entry #2");

        assertThat(run(alice, "lorebook list", Map.of())).contains("**Moon lore** — 2 entries");
        // the book can be named by its name as well as by the autocomplete's id
        assertThat(run(alice, "lorebook view", Map.of("book", "moon lore"))).startsWith("📖 **Moon lore**")
                .contains("**#1** Hollow moon").contains("**#2**").contains("> Tides follow it.");

        assertThat(run(alice, "lorebook entry set", Map.of("book", id, "entry", "2", "position", "at_depth",
                "depth", "2", "role", "user", "sticky", "3", "constant", "true")))
                .startsWith("✅ Entry #2 of **Moon lore** changed.").contains("📌 constant")
                .contains("at depth 2 as user").contains("sticky 3");

        BotActivity.InteractionAnswered edit = modal(alice, "lorebook entry edit", Map.of("book", id, "entry", "1"));
        assertThat(edit.data().toString()).contains("The moon is hollow.");
        assertThat(submit(alice, "lorebook::entry::" + id + "::1", Map.of("keys", "moon", "secondaryKeys", "night",
                "content", "The moon is made of cheese.", "comment", "Cheese moon")))
                .startsWith("✅ Saved entry #1");

        String tested = run(alice, "lorebook test", Map.of("book", id, "text", "The moon rose at night."));
        assertThat(tested).startsWith("🔎 **Moon lore**: 2 entries fire")
                .contains("✅ **Cheese moon** — key `moon`").contains("— constant · at depth 2 as user");
        assertThat(run(alice, "lorebook test", Map.of("book", id, "text", "moon in daylight")))
                .doesNotContain("Cheese moon");

        assertThat(run(alice, "lorebook rename", Map.of("book", id, "name", "Lunar lore")))
                .isEqualTo("✅ Renamed to **Lunar lore**.");
        assertThat(run(alice, "lorebook entry remove", Map.of("book", id, "entry", "2")))
                .startsWith("🗑️ Removed entry #2 of **Lunar lore**");
        List<LorebookEntry> left = books.find(moon.id()).orElseThrow().content().entries();
        assertThat(left).hasSize(1);
        assertThat(left.get(0).keys()).containsExactly("moon");
        assertThat(left.get(0).secondaryKeys()).containsExactly("night");
    }

    @Test
    void attachAndDetachWhereTheCoreRulesAllow() {
        run(alice, "lorebook create", Map.of("name", "Ada's world"));
        String id = book(stored(alice), "Ada's world").id().toString();

        assertThat(run(alice, "lorebook attach", Map.of("book", id, "to", "character", "character", "ada")))
                .isEqualTo("📎 **Ada's world** now fires for the character `ada`.");
        assertThat(books.attachedTo(ada)).extracting(Lorebook::name).contains("Ada's world");
        assertThat(run(alice, "lorebook attach", Map.of("book", id, "to", "persona")))
                .isEqualTo("📎 **Ada's world** now fires for your default persona.");
        UUID persona = stored(alice).defaultPersona().orElseThrow();
        assertThat(books.attachedTo(LoreTarget.persona(persona))).extracting(Lorebook::name).contains("Ada's world");
        assertThat(run(alice, "lorebook detach", Map.of("book", id, "to", "character", "character", "ada")))
                .isEqualTo("✂️ **Ada's world** no longer fires for the character `ada`.");
        assertThat(run(alice, "lorebook detach", Map.of("book", id, "to", "character", "character", "ada")))
                .startsWith("❌ Lorebook '" + id + "' on 'ada' was not found.");

        // refusals: a channel needs Manage Messages, everything needs the bot owner; nothing is attached
        assertThat(run(alice, "lorebook attach", Map.of("book", id, "to", "channel")))
                .startsWith("❌ Only members with the Manage Messages permission");
        assertThat(run(alice, "lorebook attach", Map.of("book", id, "to", "everything")))
                .isEqualTo("❌ Only the bot owner may change the lorebooks of every reply.");
        assertThat(books.attachedTo(LoreTarget.channel(Long.toString(channel.id())))).isEmpty();
        assertThat(books.attachedTo(LoreTarget.global())).isEmpty();

        // a manager attaches their own book to the channel
        run(mod, "lorebook create", Map.of("name", "Channel lore"));
        String modBook = book(stored(mod), "Channel lore").id().toString();
        assertThat(run(mod, "lorebook attach", Map.of("book", modBook, "to", "channel")))
                .isEqualTo("📎 **Channel lore** now fires for this channel.");
        assertThat(run(mod, "lorebook detach", Map.of("book", modBook, "to", "channel")))
                .isEqualTo("✂️ **Channel lore** no longer fires for this channel.");
    }

    @Test
    void anotherUsersBookIsNotFoundAndDeletingNeedsTheTypedWord() {
        run(alice, "lorebook create", Map.of("name", "Secret"));
        Lorebook secret = book(stored(alice), "Secret");
        String id = secret.id().toString();
        String missing = "❌ Lorebook '" + id + "' was not found.";
        // autocomplete offers each caller only their own books, the id as the value
        assertThat(choices(alice, "lorebook view", "book", "sec")).contains(id);
        assertThat(choices(bob, "lorebook view", "book", "")).doesNotContain(id);
        assertThat(run(bob, "lorebook view", Map.of("book", id))).isEqualTo(missing);
        assertThat(run(bob, "lorebook rename", Map.of("book", id, "name", "Mine"))).isEqualTo(missing);
        assertThat(run(bob, "lorebook test", Map.of("book", id, "text", "x"))).isEqualTo(missing);
        assertThat(run(bob, "lorebook entry add", Map.of("book", id))).isEqualTo(missing);
        assertThat(run(bob, "lorebook delete", Map.of("book", id))).isEqualTo(missing);
        assertThat(submit(bob, "lorebook::delete::" + id, Map.of("confirm", "DELETE"))).isEqualTo(missing);
        assertThat(run(bob, "lorebook view", Map.of("book", "Secret"))).isEqualTo("❌ Your lorebook 'Secret' was not found.");

        modal(alice, "lorebook delete", Map.of("book", id));
        assertThat(submit(alice, "lorebook::delete::" + id, Map.of("confirm", "yes")))
                .isEqualTo("❌ Nothing was deleted: type DELETE to confirm.");
        assertThat(books.find(secret.id())).isPresent();
        assertThat(submit(alice, "lorebook::delete::" + id, Map.of("confirm", "delete")))
                .startsWith("🗑️ Deleted **Secret**");
        assertThat(books.find(secret.id())).isEmpty();
    }

    @Test
    void badInputIsOneClearErrorAndNothingIsWritten() {
        run(alice, "lorebook create", Map.of("name", "Strict"));
        Lorebook strict = book(stored(alice), "Strict");
        String id = strict.id().toString();
        assertThat(submit(alice, "lorebook::entry::" + id + "::0", Map.of("keys", "", "secondaryKeys", "",
                "content", "No keys.", "comment", "")))
                .isEqualTo("❌ An entry needs at least one key, unless it is constant.");
        assertThat(submit(alice, "lorebook::entry::" + id + "::0", Map.of("keys", "/moon(/", "secondaryKeys", "",
                "content", "Bad regex.", "comment", ""))).startsWith("❌ The key /moon(/ is not a regex that compiles");
        assertThat(books.find(strict.id()).orElseThrow().content().entries()).isEmpty();
        submit(alice, "lorebook::entry::" + id + "::0", Map.of("keys", "sun", "secondaryKeys", "", "content", "Hot.",
                "comment", ""));
        assertThat(run(alice, "lorebook entry set", Map.of("book", id, "entry", "1", "probability", "150")))
                .isEqualTo("❌ 'probability' is a whole number from 0 to 100, got 150.");
        assertThat(run(alice, "lorebook entry set", Map.of("book", id, "entry", "1")))
                .startsWith("❌ Give at least one setting to change");
        assertThat(run(alice, "lorebook entry remove", Map.of("book", id, "entry", "5")))
                .isEqualTo("❌ Entry 5 of lorebook 'Strict' (it has 1 entry) was not found.");
        assertThat(run(alice, "lorebook create", Map.of("name", " "))).startsWith("❌ 'name' is required");
        assertThat(books.find(strict.id()).orElseThrow().content().entries()).hasSize(1);
        assertThat(books.find(strict.id()).orElseThrow().content().entries().get(0).matching().probability()).isNull();
        assertThat(simulator.registeredCommands()).anySatisfy(c -> assertThat(c.path("name").asText())
                .isEqualTo("lorebook"));
        assertThat(Set.of("create", "list", "view", "rename", "delete", "attach", "detach", "test", "entry"))
                .allSatisfy(sub -> assertThat(simulator.registeredCommands().stream()
                        .filter(c -> c.path("name").asText().equals("lorebook")).findFirst().orElseThrow()
                        .path("options").toString()).contains("\"name\":\"" + sub + "\""));
    }
}
