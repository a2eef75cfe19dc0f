package io.tzurot.app.wiring;

import io.javalin.Javalin;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.core.access.AccessServices;
import io.tzurot.core.access.OperatorLogin;
import io.tzurot.core.diagnostics.ViewingDiagnostics;
import io.tzurot.core.memory.GoingIncognito;
import io.tzurot.core.memory.IncognitoSessions;
import io.tzurot.core.memory.SwitchingFocus;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.web.memory.MemoryModes;
import io.tzurot.web.memory.MemoryModesApi;
import io.tzurot.core.messaging.EventBus;
import io.tzurot.core.userdata.UserDataUseCases;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.webchannel.WebConversations;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.app.cache.CacheContext;
import io.tzurot.app.cache.CachingAccessRepository;
import io.tzurot.app.cache.CachingWebChannelRepository;
import io.tzurot.app.cache.ConfigEpoch;
import io.tzurot.storage.personality.JdbiHiddenFieldsSharing;
import io.tzurot.storage.webchannel.JdbiWebChannelRepository;
import io.tzurot.web.ManagementFeature;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.web.UserDataFeature;
import io.tzurot.web.WebConsole;
import io.tzurot.web.ConversationFeature;
import io.tzurot.web.chat.ConversationServices;
import io.tzurot.web.chat.InMemoryReplyTracker;
import io.tzurot.web.chat.SharedReplyTracker;
import io.tzurot.web.console.ConsoleSection;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The {@code api} role's HTTP features (console, API, chat) wired to storage and the reply service. Routes are
 * registered when the server starts; they answer 503 until {@link #ready} hands them storage.
 */
public final class WebWiring {

    private final TzurotConfig config;
    private final Clock clock;
    private final AtomicReference<AccessServices> access = new AtomicReference<>();
    private final AtomicReference<ManagementUseCases> management = new AtomicReference<>();
    private final AtomicReference<io.tzurot.core.card.CardUseCases> cards = new AtomicReference<>();
    private final AtomicReference<ConversationServices> conversation = new AtomicReference<>();
    private final AtomicReference<EphemeralKeyStore> sharedKeys = new AtomicReference<>();
    private final AtomicReference<UserDataUseCases> userData = new AtomicReference<>();
    private final AtomicReference<io.tzurot.core.shapes.ImportingShapes> shapes = new AtomicReference<>();
    private final AtomicReference<MemoryModes> memoryModes = new AtomicReference<>();
    private final AtomicReference<io.tzurot.core.limits.EditingRateLimits> rateLimits = new AtomicReference<>();
    private final AtomicReference<io.tzurot.core.moderation.ManagingDenials> denials = new AtomicReference<>();
    private final AtomicReference<io.tzurot.core.speaking.ChoosingWhereCharactersSpeak> speaking = new AtomicReference<>();
    // whole-data exports are built one at a time, off the request threads
    private final ExecutorService exports = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "user-data-export");
        t.setDaemon(true);
        return t;
    });
    private final WebConsole console;
    private final ManagementFeature managementFeature;
    private final io.tzurot.web.CardFeature cardFeature;
    private final AtomicReference<io.tzurot.core.lorebook.activation.LoreUseCases> lore = new AtomicReference<>();
    private final ConversationFeature conversationFeature;
    private final UserDataFeature userDataFeature;
    private final io.tzurot.web.ModerationFeature moderationFeature;
    private final io.tzurot.web.FactsFeature factsFeature;
    private final io.tzurot.web.NotesFeature notesFeature;
    private final AtomicReference<io.tzurot.web.facts.FactsServices> facts = new AtomicReference<>();
    private final AtomicReference<io.tzurot.web.notes.NotesServices> notes = new AtomicReference<>();
    private final io.tzurot.web.LorebookConsoleFeature loreConsole = new io.tzurot.web.LorebookConsoleFeature(
            () -> Optional.ofNullable(this.loreConsoleServices.get()));
    private final AtomicReference<io.tzurot.web.lore.LoreConsoleServices> loreConsoleServices = new AtomicReference<>();
    private final io.tzurot.web.AdminFeature adminFeature;
    private final AtomicReference<io.tzurot.core.admin.AdminServices> admin = new AtomicReference<>();
    private volatile io.tzurot.core.admin.MetricsSource metrics = io.tzurot.core.admin.MetricsSource.NONE;
    private final byte[] masterKey;
    private final AtomicReference<io.tzurot.core.swipe.SwipeActions> swipes = new AtomicReference<>();

    public WebWiring(TzurotConfig config, String version, byte[] masterKey, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.masterKey = masterKey;
        this.managementFeature = new ManagementFeature(() -> Optional.ofNullable(management.get()));
        this.cardFeature = new io.tzurot.web.CardFeature(() -> Optional.ofNullable(cards.get()),
                () -> Optional.ofNullable(shapes.get()));
        AtomicReference<WebConsole> consoleRef = new AtomicReference<>();
        this.conversationFeature = new ConversationFeature(() -> Optional.ofNullable(conversation.get()),
                () -> Optional.ofNullable(swipes.get()),
                // replies readable from every api process when the keys are on Redis
                new SharedReplyTracker(new InMemoryReplyTracker(clock), () -> Optional.ofNullable(sharedKeys.get()),
                        InMemoryReplyTracker.DEFAULT_RETENTION), (title, section, actor) -> consoleRef.get().page(title, section, actor));
        this.userDataFeature = new UserDataFeature(() -> Optional.ofNullable(userData.get()));
        this.moderationFeature = new io.tzurot.web.ModerationFeature(() -> Optional.ofNullable(denials.get()));
        this.factsFeature = new io.tzurot.web.FactsFeature(() -> Optional.ofNullable(facts.get()));
        this.notesFeature = new io.tzurot.web.NotesFeature(() -> Optional.ofNullable(notes.get()));
        this.adminFeature = new io.tzurot.web.AdminFeature(() -> Optional.ofNullable(admin.get()));
        Set<ConsoleSection> sections = EnumSet.noneOf(ConsoleSection.class);
        sections.addAll(UserDataFeature.SECTIONS);
        sections.addAll(ManagementFeature.SECTIONS);
        sections.addAll(ConversationFeature.SECTIONS);
        sections.addAll(io.tzurot.web.ModerationFeature.SECTIONS);
        sections.addAll(io.tzurot.web.AdminFeature.SECTIONS);
        sections.addAll(io.tzurot.web.LorebookConsoleFeature.SECTIONS);
        this.console = new WebConsole(() -> Optional.ofNullable(access.get()), version, sections,
                List.<Consumer<io.tzurot.web.openapi.RouteRegistry>>of(managementFeature, conversationFeature, cardFeature,
                        userDataFeature, moderationFeature, factsFeature, adminFeature,
                        new io.tzurot.web.LoreFeature(() -> Optional.ofNullable(lore.get())),
                        new io.tzurot.web.SpeakingFeature(() -> Optional.ofNullable(speaking.get())),
                        notesFeature,
                        new MemoryModesApi(() -> Optional.ofNullable(memoryModes.get()))::register,
                        new io.tzurot.web.admin.RateLimitsApi(() -> Optional.ofNullable(rateLimits.get()))::register));
        consoleRef.set(console);
    }

    /** Everything to register on the HTTP server. */
    public List<Consumer<Javalin>> routes() {
        // the import page before the character pages, whose {slug} would otherwise take "import"
        return List.of(console::register, cardFeature.pages(console::page), managementFeature.pages(console::page),
                conversationFeature.pages(), userDataFeature.pages(console::page), moderationFeature.pages(console::page),
                factsFeature.pages(console::page), notesFeature.pages(console::page), adminFeature.pages(console::page),
                loreConsole.pages(console::page));
    }

    /** What {@code /api/v1/admin/metrics} and the console's Admin section read (before {@link #ready}). */
    public void metrics(io.tzurot.core.admin.MetricsSource source) {
        this.metrics = java.util.Objects.requireNonNull(source, "source");
    }

    /** Storage is open: the features start answering. Returns the one-time login link for the operator. */
    /** Turns on regenerate, swipe and delete of web replies (the routes answer 503 until then). */
    public void swipes(io.tzurot.core.swipe.SwipeActions actions) {
        swipes.set(actions);
    }

    public String ready(Repositories repos, ReplyService replies, EmbeddingModel embeddings, EphemeralKeyStore keys,
                        EventBus events, int port) {
        if (config.redisUrl().isPresent()) {
            sharedKeys.set(keys); // only other api processes read the shared copy; one process needs none
        }
        management.set(ManagementWiring.useCases(repos, config, masterKey));
        cards.set(CardWiring.useCases(repos, management.get(), clock));
        denials.set(new io.tzurot.core.moderation.ManagingDenials(repos.denylist(), clock, config.botOwnerId()));
        lore.set(LoreWiring.useCases(repos));
        loreConsoleServices.set(new io.tzurot.web.lore.LoreConsoleServices(
                new io.tzurot.core.lorebook.EditingLorebooks(repos.lorebooks()), lore.get(), cards.get().lorebooks(),
                repos.personas()));
        speaking.set(new io.tzurot.core.speaking.ChoosingWhereCharactersSpeak(repos.speaking()));
        userData.set(UserDataWiring.useCases(repos, cards.get(), events, exports, clock));
        facts.set(new io.tzurot.web.facts.FactsServices(new io.tzurot.core.facts.ManagingFacts(
                repos.facts(), repos.personas(), clock),
                repos.personalities()));
        notes.set(NotesWiring.web(repos, clock));
        shapes.set(ShapesWiring.useCase(repos, management.get(), cards.get(), embeddings, config.shapesBaseUrl(),
                ShapesWiring.gap(config.shapesBaseUrl()), clock));
        memoryModes.set(new MemoryModes(new GoingIncognito(new IncognitoSessions(keys, clock), repos.personas(),
                repos.memories(), clock), new SwitchingFocus(management.get().settings(),
                management.get().resolveSettings()), management.get().viewingPersonalities()));
        // a chat names its channel on every request: whose it is comes from a cache (channels never change owner)
        WebConversations channels = new WebConversations(new CachingWebChannelRepository(
                new JdbiWebChannelRepository(repos.database().jdbi()),
                new CacheContext(events, ConfigEpoch.none(), Repositories.CACHE_TTL)), clock);
        conversation.set(new ConversationServices(replies, repos.personalities(), repos.personas(),
                new ResolvePersona(repos.users(), repos.personas(), repos.userPersonalityConfigs()),
                repos.userPersonalityConfigs(), repos.memories(), repos.memorySearch(), embeddings, repos.history(),
                repos.historyEpochs(), repos.diagnostics(), channels, new ViewingDiagnostics(repos.diagnostics(), channels,
                        repos.personalities(), new JdbiHiddenFieldsSharing(repos.database().jdbi())), clock,
                LimitsWiring.current(repos, clock)));
        rateLimits.set(LimitsWiring.editing(repos, clock));
        admin.set(io.tzurot.app.wiring.AdminWiring.services(repos, management.get().settings(), keys, metrics, clock));
        AccessServices services = AccessServices.create(new CachingAccessRepository(
                new JdbiAccessRepository(repos.database().jdbi()),
                new CacheContext(events, ConfigEpoch.none(), CachingAccessRepository.TTL)), clock,
                config.botOwnerId().orElse(OperatorLogin.LOCAL_OPERATOR_DISCORD_ID));
        access.set(services);
        String host = "0.0.0.0".equals(config.httpHost()) || "::".equals(config.httpHost()) ? "127.0.0.1" : config.httpHost();
        return services.operatorLogin().issueLink().url("http://" + host + ":" + port);
    }

}
