package io.tzurot.web.facts;

import io.javalin.Javalin;
import io.tzurot.core.access.AccessServices;
import io.tzurot.core.access.Actor;
import io.tzurot.core.facts.FactChange;
import io.tzurot.core.facts.ManagingFacts;
import io.tzurot.core.facts.MemoryFact;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.facts.JdbiFactRepository;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.testkit.MutableClock;
import io.tzurot.web.FactsFeature;
import io.tzurot.web.WebConsole;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.server.WebServer;
import io.tzurot.web.testing.HttpHarness;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** The web console with {@link FactsFeature} on a free port over a fresh in-memory H2 database. */
final class FactsHarness extends HttpHarness {

    static final String OWNER = "100000000000000001";
    static final String ALICE = "200000000000000002";
    static final String BOB = "300000000000000003";

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    final Database database = Database.open(DatabaseSettings.inMemory("facts" + UUID.randomUUID().toString()
            .replace("-", "")));
    final AccessServices access = AccessServices.create(new JdbiAccessRepository(database.jdbi()), clock, OWNER);
    final JdbiFactRepository facts = new JdbiFactRepository(database.jdbi());
    final JdbiPersonaRepository personas = new JdbiPersonaRepository(database.jdbi(), clock);
    final JdbiPersonalityRepository personalities = new JdbiPersonalityRepository(database.jdbi(), clock);
    private final WebServer server;

    FactsHarness() {
        FactsServices services = new FactsServices(new ManagingFacts(facts, personas, clock), personalities);
        FactsFeature feature = new FactsFeature(() -> Optional.of(services));
        WebConsole console = new WebConsole(() -> Optional.of(access), "test", Set.of(ConsoleSection.MEMORIES),
                List.of(feature));
        List<Consumer<Javalin>> routes = List.of(console::register, feature.pages(console::page));
        server = WebServer.start("127.0.0.1", 0, routes);
    }

    @Override
    protected WebServer server() {
        return server;
    }

    String token(String discordId) {
        return access.issuing().issueForDiscordUser(discordId, discordId.equals(OWNER), "test").secret();
    }

    Actor actor(String token) {
        return access.authenticating().byBearerToken(token).orElseThrow();
    }

    Personality personality(String ownerToken, String name) {
        return personalities.create(actor(ownerToken).userId(), PersonalityDraft.of(name, name.toLowerCase(
                java.util.Locale.ROOT), "A test character.", "Kind.").withPublic(true));
    }

    Persona persona(String token, String name) {
        return personas.create(actor(token).userId(), new PersonaDraft(name, null, "About " + name, name, null, false));
    }

    /** Stores facts as an extraction would, and returns them by text order. */
    List<MemoryFact> facts(Persona persona, Personality personality, String... texts) {
        facts.apply(persona.id(), personality.id(), java.util.Arrays.stream(texts)
                .map(t -> (FactChange) new FactChange.Add(t, 0.8)).toList(), "exchange:req-1", clock.instant());
        List<MemoryFact> all = facts.inScope(persona.id(), PersonalityScope.only(personality.id()), 100);
        return java.util.Arrays.stream(texts).map(t -> all.stream().filter(f -> f.content().equals(t)).findFirst()
                .orElseThrow()).toList();
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
