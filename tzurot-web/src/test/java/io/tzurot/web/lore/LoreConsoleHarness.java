package io.tzurot.web.lore;

import io.javalin.Javalin;
import io.tzurot.core.access.AccessServices;
import io.tzurot.core.access.Actor;
import io.tzurot.core.card.LorebookFiles;
import io.tzurot.core.lorebook.AttachingLorebooks;
import io.tzurot.core.lorebook.EditingLorebooks;
import io.tzurot.core.lorebook.activation.LoreUseCases;
import io.tzurot.core.lorebook.activation.TestingLorebook;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.card.FileCardCodec;
import io.tzurot.storage.card.JdbiTransactions;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.lorebook.JdbiLorebookRepository;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.testkit.MutableClock;
import io.tzurot.web.LorebookConsoleFeature;
import io.tzurot.web.WebConsole;
import io.tzurot.web.server.WebServer;
import io.tzurot.web.testing.HttpHarness;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The web console with the lorebook editor on a free port over a fresh in-memory H2 database. */
final class LoreConsoleHarness extends HttpHarness {

    static final String OWNER = "100000000000000001";
    static final String ALICE = "200000000000000002";
    static final String BOB = "300000000000000003";

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    final Database database = Database.open(DatabaseSettings.inMemory("lore" + UUID.randomUUID().toString()
            .replace("-", "")));
    final AccessServices access = AccessServices.create(new JdbiAccessRepository(database.jdbi()), clock, OWNER);
    final JdbiLorebookRepository books = new JdbiLorebookRepository(database.jdbi(), clock);
    final JdbiPersonaRepository personas = new JdbiPersonaRepository(database.jdbi(), clock);
    final JdbiPersonalityRepository personalities = new JdbiPersonalityRepository(database.jdbi(), clock);
    private final WebServer server;

    LoreConsoleHarness() {
        ViewingPersonalities viewing = new ViewingPersonalities(personalities);
        LoreConsoleServices services = new LoreConsoleServices(new EditingLorebooks(books),
                new LoreUseCases(new AttachingLorebooks(books, personas),
                        new TestingLorebook(books, text -> Math.max(1, text.length() / 4))),
                new LorebookFiles(new FileCardCodec(), books, viewing, new JdbiTransactions(database.jdbi())),
                personas);
        LorebookConsoleFeature feature = new LorebookConsoleFeature(() -> Optional.of(services));
        WebConsole console = new WebConsole(() -> Optional.of(access), "test", LorebookConsoleFeature.SECTIONS,
                List.of());
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
                java.util.Locale.ROOT), "A test character.", "Kind."));
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
