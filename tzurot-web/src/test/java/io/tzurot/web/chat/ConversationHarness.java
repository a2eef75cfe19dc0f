package io.tzurot.web.chat;

import io.tzurot.core.limits.CurrentRateLimits;
import io.tzurot.core.limits.RateLimits;
import io.tzurot.storage.limits.JdbiRateLimitsRepository;
import io.tzurot.storage.settings.JdbiAdminSettingsRepository;
import io.tzurot.core.access.AccessServices;
import io.tzurot.core.access.Actor;
import io.tzurot.core.memory.Memory;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.diagnostics.ViewingDiagnostics;
import io.tzurot.core.webchannel.WebConversations;
import io.tzurot.storage.personality.JdbiHiddenFieldsSharing;
import io.tzurot.storage.webchannel.JdbiWebChannelRepository;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.diagnostics.JdbiDiagnosticLogRepository;
import io.tzurot.storage.memory.JdbiMemoryRepository;
import io.tzurot.storage.memory.MemorySearches;
import io.tzurot.storage.persona.JdbiPersonaHistoryConfigRepository;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.testkit.ServiceTargets;
import io.javalin.Javalin;
import io.tzurot.web.ManagementFeature;
import io.tzurot.web.ConversationFeature;
import io.tzurot.web.WebConsole;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.testing.HttpHarness;
import io.tzurot.web.testing.ManagementRepos;
import io.tzurot.web.testing.ManagementTestServer;
import io.tzurot.web.server.WebServer;
import io.tzurot.testkit.MutableClock;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The web console with {@link ConversationFeature} on a free port, over a fresh database (in-memory H2, or a
 * new database on the PostgreSQL server of {@code TZUROT_TEST_POSTGRES_URL}) with the real repositories, a
 * {@link ScriptedReplyService} and a {@link WordHashEmbeddingModel}.
 */
public final class ConversationHarness extends HttpHarness {

    /** Discord ids: the bot owner, and two ordinary users. */
    public static final String OWNER = "100000000000000001";
    public static final String ALICE = "200000000000000002";
    public static final String BOB = "300000000000000003";
    /** The replies one user may have in flight here (the bot owner's repliesInFlight, set small for the tests). */
    public static final int MAX_IN_FLIGHT = 5;

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    public final Database database;
    public final AccessServices access;
    public final WebConversations channels;
    public final ConversationServices services;
    /** Incognito sessions (in this process's key store) and focus mode, for the routes of {@code /api/v1/incognito|focus}. */
    public final io.tzurot.web.memory.MemoryModes modes;
    /** The bot owner's limits, stored in this harness's database. */
    public final JdbiRateLimitsRepository rateLimits;
    public final ScriptedReplyService replies;
    public final WordHashEmbeddingModel embeddings = new WordHashEmbeddingModel();
    public final InMemoryReplyTracker tracker = new InMemoryReplyTracker(clock);
    /** The real engine when the whole console is wired, else null (the scripted one answers). */
    public final RealEngine engine;
    /** Regenerate, swipe and delete of replies; only with the real engine. */
    private final io.tzurot.core.swipe.SwipeActions swipes;
    private final java.util.concurrent.ExecutorService swipeWriter = java.util.concurrent.Executors.newSingleThreadExecutor();
    /** The management repositories when the whole console is wired, else null. */
    public final ManagementRepos management;
    public final WebConsole console;
    public final WebServer server;
    private final Runnable dropDatabase;
    private final List<WebServer> processes = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ConversationHarness(Dialect dialect) {
        this(dialect, false);
    }

    /**
     * @param wholeConsole also the management pages and API (characters, personas, presets, settings) as the app
     *                     wires them, and the real engine answering through a fake model server instead of the script
     */
    public ConversationHarness(Dialect dialect, boolean wholeConsole) {
        if (dialect == Dialect.H2) {
            database = Database.open(DatabaseSettings.inMemory("chat" + UUID.randomUUID().toString().replace("-", "")));
            dropDatabase = () -> { };
        } else {
            DatabaseSettings server = DatabaseSettings.fromUrl(ServiceTargets.postgresUrl());
            String name = "tzweb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
            execute(server, "CREATE DATABASE " + name);
            String base = server.jdbcUrl();
            int q = base.indexOf('?');
            String withoutQuery = q < 0 ? base : base.substring(0, q);
            String url = withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + name + (q < 0 ? "" : base.substring(q));
            database = Database.open(new DatabaseSettings(url, server.username(), server.password(), Dialect.POSTGRESQL, 5));
            dropDatabase = () -> execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        access = AccessServices.create(new JdbiAccessRepository(database.jdbi()), clock, OWNER);
        replies = new ScriptedReplyService(r -> ScriptedReplyService.replied(r, "Hello from the test engine.", List.of()));
        var personas = new JdbiPersonaRepository(database.jdbi(), clock);
        var users = new JdbiUserRepository(database.jdbi(), clock);
        var overrides = new JdbiUserPersonalityConfigRepository(database.jdbi(), clock);
        engine = wholeConsole ? new RealEngine(database, embeddings, clock) : null;
        var personalities = new JdbiPersonalityRepository(database.jdbi(), clock);
        var diagnostics = new JdbiDiagnosticLogRepository(database);
        channels = new WebConversations(new JdbiWebChannelRepository(database.jdbi()), clock);
        rateLimits = new JdbiRateLimitsRepository(database.jdbi(), new JdbiAdminSettingsRepository(database.jdbi(), clock),
                clock);
        // a small in-flight limit keeps the limit tests' bursts cheap; the other limits stay the defaults
        rateLimits.set(new RateLimits(10, 10, 20, 30, MAX_IN_FLIGHT), null);
        services = new ConversationServices(wholeConsole ? engine.service : replies, personalities, personas,
                new ResolvePersona(users, personas, overrides), overrides,
                new JdbiMemoryRepository(database), MemorySearches.forDatabase(database), embeddings,
                new JdbiConversationHistoryRepository(database), new JdbiPersonaHistoryConfigRepository(database.jdbi(), clock),
                diagnostics, channels, new ViewingDiagnostics(diagnostics, channels, personalities,
                        new JdbiHiddenFieldsSharing(database.jdbi())), clock,
                new CurrentRateLimits(rateLimits, clock));
        var admin = new io.tzurot.storage.settings.JdbiAdminSettingsRepository(database.jdbi(), clock);
        modes = new io.tzurot.web.memory.MemoryModes(new io.tzurot.core.memory.GoingIncognito(
                new io.tzurot.core.memory.IncognitoSessions(new io.tzurot.messaging.keys.InProcessKeyStore(), clock),
                personas, services.memories(), clock), new io.tzurot.core.memory.SwitchingFocus(
                new io.tzurot.core.cascade.EditingSettings(users, overrides, admin, personalities),
                new io.tzurot.core.cascade.ResolveSettings(admin, personalities,
                        new io.tzurot.storage.channel.JdbiChannelSettingsRepository(database.jdbi(), clock), users,
                        overrides)), new io.tzurot.core.personality.ViewingPersonalities(personalities));
        management = wholeConsole ? ManagementTestServer.services(database, clock) : null;
        // regenerate and swipes need the real engine (it writes the history they change)
        swipes = wholeConsole ? swipeActions(users, personas) : null;
        Process main = start(tracker, wholeConsole
                ? Optional.of(ManagementTestServer.feature(management, URI.create(engine.model.baseUrl()))) : Optional.empty());
        console = main.console();
        server = main.server();
    }

    private record Process(WebConsole console, WebServer server) {
    }

    /** The console and API over this harness's storage and access, with {@code managing} when given. */
    private Process start(ReplyTracker replyTracker, Optional<ManagementFeature> managing) {
        AtomicReference<WebConsole> consoleRef = new AtomicReference<>();
        ConversationFeature feature = new ConversationFeature(() -> Optional.of(services),
                () -> Optional.ofNullable(swipes), replyTracker,
                (title, section, actor) -> consoleRef.get().page(title, section, actor));
        Set<ConsoleSection> sections = EnumSet.copyOf(ConversationFeature.SECTIONS);
        List<Consumer<RouteRegistry>> features = new ArrayList<>(List.<Consumer<RouteRegistry>>of(feature,
                new io.tzurot.web.memory.MemoryModesApi(() -> Optional.of(modes))::register));
        // the whole console also imports and exports characters, as the app's api role does
        Optional<io.tzurot.web.CardFeature> cards = managing.map(m -> new io.tzurot.web.CardFeature(() -> Optional.of(
                io.tzurot.web.cards.CardTestServer.useCases(database, management,
                        ManagementTestServer.useCases(management, URI.create(engine.model.baseUrl())), clock))));
        managing.ifPresent(m -> {
            sections.addAll(ManagementFeature.SECTIONS);
            features.add(m);
        });
        cards.ifPresent(features::add);
        WebConsole started = new WebConsole(() -> Optional.of(access), "test", sections, features);
        consoleRef.set(started);
        List<Consumer<Javalin>> routes = new ArrayList<>(List.of(started::register, feature.pages()));
        cards.ifPresent(c -> routes.add(c.pages(started::page)));
        managing.ifPresent(m -> routes.add(m.pages(started::page)));
        return new Process(started, WebServer.start("127.0.0.1", 0, routes));
    }

    /** Another api process over the same storage and access, with its own reply tracker; closed with the harness. */
    public WebServer apiProcess(ReplyTracker replyTracker) {
        WebServer started = start(replyTracker, Optional.empty()).server();
        processes.add(started);
        return started;
    }

    private io.tzurot.core.swipe.SwipeActions swipeActions(io.tzurot.core.user.UserRepository users,
                                                          io.tzurot.core.persona.PersonaRepository personas) {
        var pending = new io.tzurot.storage.memory.JdbiPendingMemoryRepository(database);
        var memories = new JdbiMemoryRepository(database);
        var tokens = new io.tzurot.ai.token.TiktokenCounter();
        var storing = new io.tzurot.core.reply.StoringMemories(pending, memories, embeddings, tokens, swipeWriter, clock);
        return io.tzurot.core.swipe.SwipeActions.of(new JdbiConversationHistoryRepository(database), personas, users,
                new io.tzurot.storage.swipe.JdbiSwipeRepository(database.jdbi()),
                new io.tzurot.core.reply.ExchangeMemories(pending, memories, storing, tokens), engine.service, tokens, clock);
    }

    /** The console with everything the app's {@code api} role has, over H2, with the real engine. */
    public static ConversationHarness wholeConsole() {
        return new ConversationHarness(Dialect.H2, true);
    }

    public ConversationHarness() {
        this(Dialect.H2);
    }

    @Override
    protected WebServer server() {
        return server;
    }

    /** A bearer token for this Discord user (the owner's carries owner rights). */
    public String token(String discordId) {
        return access.issuing().issueForDiscordUser(discordId, discordId.equals(OWNER), "test").secret();
    }

    /** The actor behind a token. */
    public Actor actor(String token) {
        return access.authenticating().byBearerToken(token).orElseThrow();
    }

    public Personality personality(String ownerToken, String slug, boolean isPublic) {
        return services.personalities().create(actor(ownerToken).userId(),
                PersonalityDraft.of(slug.substring(0, 1).toUpperCase(Locale.ROOT) + slug.substring(1), slug,
                        "A test character.", "Kind.").withPublic(isPublic));
    }

    public Persona persona(String token, String name) {
        return services.personas().create(actor(token).userId(), new PersonaDraft(name, null, "About " + name, name, null, false));
    }

    public Memory memory(Persona persona, Personality personality, String text) {
        NewMemory memory = NewMemory.live(persona.id(), personality.id(), text, embeddings.embed(text), null, "web1", null,
                clock.instant());
        services.memories().insert(memory);
        return services.memories().find(memory.id()).orElseThrow();
    }

    /** A recalled memory as the engine would report it. */
    public static ReplyOutcome.RecalledMemory recalled(Memory memory, double score) {
        return new ReplyOutcome.RecalledMemory(memory.id(), score, memory.content());
    }

    private static void execute(DatabaseSettings server, String sql) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            processes.forEach(WebServer::close);
            server.close();
            swipeWriter.shutdownNow();
            if (engine != null) {
                engine.close();
            }
            database.close();
        } finally {
            dropDatabase.run();
        }
    }
}
