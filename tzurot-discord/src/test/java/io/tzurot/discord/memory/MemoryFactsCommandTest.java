package io.tzurot.discord.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.facts.FactChange;
import io.tzurot.core.facts.ManagingFacts;
import io.tzurot.core.facts.MemoryFact;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.Callers;
import io.tzurot.discord.command.CommandRegistrar;
import io.tzurot.discord.command.CommandRouter;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.facts.JdbiFactRepository;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@code /memory facts list | correct | lock | forget} on the simulator with real JDA and H2: the caller sees and
 * changes only their own facts; someone else's fact id answers exactly like a missing one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryFactsCommandTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant T = Instant.parse("2026-12-06T12:00:00Z");

    private DiscordSimulator simulator;
    private Database database;
    private JDA jda;
    private JdbiUserRepository users;
    private JdbiPersonaRepository personas;
    private JdbiFactRepository facts;
    private SimUser alice;
    private SimUser bob;
    private SimTextChannel channel;
    private UUID ada;

    /** Callers resolved to stored users, as the bot does. */
    private final class StoredCallers implements Callers {
        @Override
        public boolean denied(Interaction interaction) {
            return false;
        }

        @Override
        public Caller resolve(Interaction interaction) {
            User user = users.getOrCreate(new DiscordUserProfile(interaction.getUser().getId(),
                    interaction.getUser().getName(), null, null, false), false);
            return new Caller(user, interaction.getUser().getId(), interaction.getUser().getName(), Optional.empty(),
                    interaction.getChannelId(), Optional.empty(), false, false);
        }
    }

    @BeforeAll
    void start() throws InterruptedException {
        database = Database.open(DatabaseSettings.inMemory("memory-facts-" + UUID.randomUUID()));
        Clock clock = Clock.systemUTC();
        users = new JdbiUserRepository(database.jdbi(), clock);
        personas = new JdbiPersonaRepository(database.jdbi(), clock);
        JdbiPersonalityRepository personalities = new JdbiPersonalityRepository(database.jdbi(), clock);
        facts = new JdbiFactRepository(database.jdbi());
        simulator = DiscordSimulator.start();
        SimGuild guild = simulator.world().createGuild("Facts Guild");
        alice = simulator.world().createMember(guild, "alice");
        bob = simulator.world().createMember(guild, "bob");
        channel = simulator.world().createTextChannel(guild, "facts");
        User aliceUser = stored(alice);
        ada = personalities.create(aliceUser.id(), PersonalityDraft.of("Ada", "ada", "A librarian.", "kind")).id();

        MemoryFactsGroup group = new MemoryFactsGroup(new ManagingFacts(facts, personas, clock), personalities);
        CommandRouter router = new CommandRouter(List.of(new MemoryCommand(new io.tzurot.core.personality.ViewingPersonalities(personalities),
                new io.tzurot.discord.choices.CharacterChoices(new io.tzurot.core.personality.ViewingPersonalities(personalities)),
                Optional.empty(), List.of(group))), List.of(),
                new StoredCallers(), Executors.newFixedThreadPool(2));
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

    /** The user's persona (created on first use) holding the given facts with Ada. */
    private UUID personaWith(SimUser user, String... texts) {
        User stored = stored(user);
        UUID persona = personas.listByOwner(stored.id()).stream().findFirst().map(p -> p.id()).orElseGet(() ->
                personas.create(stored.id(), new PersonaDraft(user.username(), null, "", null, null, false)).id());
        facts.apply(persona, ada, java.util.Arrays.stream(texts).map(t -> (FactChange) new FactChange.Add(t, 0.8))
                .toList(), "exchange:test", T);
        return persona;
    }

    private MemoryFact fact(UUID persona, String text) {
        return facts.inScope(persona, PersonalityScope.only(ada), 50).stream().filter(f -> f.content().equals(text))
                .findFirst().orElseThrow();
    }

    private String run(SimUser user, String path, Map<String, String> options) {
        long id = simulator.users().slashCommand(user, channel, path, options);
        List<SimMessage> answers = await().atMost(PATIENCE).until(() -> simulator.ephemeralsFor(id),
                l -> !l.isEmpty() && !l.get(l.size() - 1).content().isEmpty());
        return answers.get(answers.size() - 1).content();
    }

    @Test
    void listCorrectLockAndForgetTheCallersOwnFacts() {
        UUID persona = personaWith(alice, "has a cat called Quill", "likes green tea");
        MemoryFact quill = fact(persona, "has a cat called Quill");
        String shortId = ManagingFacts.shortId(quill);

        assertThat(run(alice, "memory facts list", Map.of())).startsWith("🧠 **Your memory facts** (2)")
                .contains("**Ada**").contains("`" + shortId + "` has a cat called Quill (80 %)").contains("likes green tea");

        assertThat(run(alice, "memory facts correct", Map.of("fact", shortId, "text", "has a cat called Quillibrand")))
                .isEqualTo("✏️ Corrected `" + shortId + "`: has a cat called Quillibrand");
        assertThat(facts.find(quill.id()).orElseThrow().confidence()).isEqualTo(1.0);

        assertThat(run(alice, "memory facts lock", Map.of("fact", shortId))).startsWith("🔒 Locked `" + shortId + "`");
        assertThat(facts.find(quill.id()).orElseThrow().locked()).isTrue();
        assertThat(run(alice, "memory facts list", Map.of())).contains("`" + shortId + "` 🔒 has a cat called Quillibrand");
        assertThat(run(alice, "memory facts lock", Map.of("fact", shortId, "locked", "false")))
                .startsWith("🔓 Unlocked `" + shortId + "`");

        MemoryFact tea = fact(persona, "likes green tea");
        assertThat(run(alice, "memory facts forget", Map.of("fact", tea.id().toString())))
                .isEqualTo("🗑️ Forgot `" + ManagingFacts.shortId(tea) + "`: likes green tea");
        assertThat(facts.find(tea.id())).isEmpty();

        assertThat(run(alice, "memory facts correct", Map.of("fact", "zz!", "text", "x")))
                .startsWith("❌ Name the fact by its id");
        assertThat(run(alice, "memory facts correct", Map.of("fact", shortId, "text", "x".repeat(301))))
                .isEqualTo("❌ A fact is one line of 1 to 300 characters.");
    }

    @Test
    void nobodySeesOrChangesAnotherUsersFacts() {
        UUID alicePersona = personaWith(alice, "works as a nurse");
        MemoryFact nurse = fact(alicePersona, "works as a nurse");
        personaWith(bob, "plays the cello");

        String bobsList = run(bob, "memory facts list", Map.of());
        assertThat(bobsList).contains("plays the cello").doesNotContain("nurse");
        String full = nurse.id().toString();
        String missing = "❌ Your fact '" + full + "' was not found.";
        assertThat(run(bob, "memory facts correct", Map.of("fact", full, "text", "is a spy"))).isEqualTo(missing);
        assertThat(run(bob, "memory facts lock", Map.of("fact", full))).isEqualTo(missing);
        assertThat(run(bob, "memory facts forget", Map.of("fact", full))).isEqualTo(missing);
        MemoryFact unchanged = facts.find(nurse.id()).orElseThrow();
        assertThat(unchanged.content()).isEqualTo("works as a nurse");
        assertThat(unchanged.locked()).isFalse();
    }
}
