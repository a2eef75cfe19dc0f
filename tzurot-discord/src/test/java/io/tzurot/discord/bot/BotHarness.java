package io.tzurot.discord.bot;

import static org.awaitility.Awaitility.await;

import io.tzurot.core.history.ManagingHistory;
import io.tzurot.discord.memory.MemoryServices;
import io.tzurot.core.speaking.ChoosingWhereCharactersSpeak;
import io.tzurot.core.speaking.RecordingGhostTurn;
import io.tzurot.storage.speaking.JdbiSpeakingPlacesRepository;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.personality.Personality;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.persona.JdbiPersonaHistoryConfigRepository;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.apikey.KeyCheck;
import io.tzurot.core.apikey.ProviderKeyValidator;
import io.tzurot.core.diagnostics.InspectingReplies;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.model.BrowsingModels;
import io.tzurot.core.model.ModelListing;
import io.tzurot.core.preset.BuiltInPreset;
import io.tzurot.messaging.keys.InProcessKeyStore;
import io.tzurot.storage.apikey.JdbiApiKeyRepository;
import io.tzurot.storage.diagnostics.JdbiDiagnosticLogRepository;
import io.tzurot.storage.diagnostics.JsonFlightRecorder;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiSystemPromptRepository;
import io.tzurot.storage.preset.JdbiPresetRepository;
import io.tzurot.storage.settings.JdbiAdminSettingsRepository;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import java.util.Optional;
import io.tzurot.storage.channel.JdbiChannelSettingsRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.delivery.JdbiDeliveredMessageRepository;
import io.tzurot.storage.moderation.JdbiDenylistRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimUser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** A {@link DiscordBot} on an H2 database, logged in to a simulator, answering through a scripted engine. */
final class BotHarness implements AutoCloseable {

    /** Only guards against a hang; tests assert on outcomes, never on how fast they arrive. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String PUBLIC_URL = "https://tzurot.example";

    final DiscordSimulator simulator;
    final Database database;
    final JdbiPersonalityRepository personalities;
    final JdbiChannelSettingsRepository channels;
    final io.tzurot.storage.channel.JdbiSceneSettingsRepository scene;
    /** The scenes' random source: seeded, so who speaks under the natural and random strategies repeats. */
    final SeededRandom sceneRandom = new SeededRandom(17);
    final JdbiDenylistRepository denylist;
    final JdbiUserRepository users;
    final JdbiDeliveredMessageRepository delivered;
    final JdbiSpeakingPlacesRepository speaking;
    final JdbiConversationHistoryRepository history;
    final ScriptedReplyService replies;
    private DiscordBot bot;
    private UnaryOperator<DiscordServices> customize = UnaryOperator.identity();
    private UnaryOperator<DiscordSettings> customizeSettings = UnaryOperator.identity();
    /** Times the bot's ten-minute rules when set (see {@link #withManualTime}). */
    private ManualDelays delays;
    /** The clock the bot's services read (denial expiry); set before starting a bot to move time by hand. */
    Clock botClock = Clock.systemUTC();
    /** Message claims and rate limits the harness's bot runs with, when a test sets them before starting it. */
    java.util.Optional<MessageGuards> guards = java.util.Optional.empty();
    /** Dashboard sessions, shared by every bot this harness starts (as Redis is shared by processes). */
    final InProcessKeyStore keys = new InProcessKeyStore();

    private BotHarness(String name) {
        simulator = DiscordSimulator.start();
        database = Database.open(DatabaseSettings.inMemory(name + "-" + UUID.randomUUID()));
        Clock clock = Clock.systemUTC();
        personalities = new JdbiPersonalityRepository(database.jdbi(), clock);
        channels = new JdbiChannelSettingsRepository(database.jdbi(), clock);
        scene = new io.tzurot.storage.channel.JdbiSceneSettingsRepository(database.jdbi(), clock);
        denylist = new JdbiDenylistRepository(database.jdbi());
        users = new JdbiUserRepository(database.jdbi(), clock);
        delivered = new JdbiDeliveredMessageRepository(database.jdbi());
        speaking = new JdbiSpeakingPlacesRepository(database.jdbi(), clock);
        history = new JdbiConversationHistoryRepository(database);
        replies = new ScriptedReplyService(personalities);
    }

    static BotHarness start(String name) {
        return start(name, UnaryOperator.identity());
    }

    /** A harness whose bot runs with {@code customize}d services (e.g. with a voice transcriber). */
    static BotHarness start(String name, UnaryOperator<DiscordServices> customize) {
        BotHarness harness = new BotHarness(name);
        harness.customize = customize;
        harness.startBot();
        return harness;
    }

    /** A harness whose bot's slow-reply notice and ordering escape hatch wait for {@code delays} to advance. */
    static BotHarness withManualTime(String name, ManualDelays delays) {
        BotHarness harness = new BotHarness(name);
        harness.delays = delays;
        harness.startBot();
        return harness;
    }

    /**
     * A harness whose bot serves the slash commands (dashboard sessions in {@link #keys}), with {@code settings}
     * applied (e.g. a bot owner or a commands guild).
     */
    static BotHarness withCommands(String name, UnaryOperator<DiscordSettings> settings) {
        BotHarness harness = new BotHarness(name);
        harness.serveCommands(settings);
        return harness;
    }

    /** Starts this harness's bot serving the slash commands, with {@code settings} applied. */
    void serveCommands(UnaryOperator<DiscordSettings> settings) {
        JdbiDiagnosticLogRepository diagnostics = new JdbiDiagnosticLogRepository(database);
        ManagementUseCases management = useCases();
        customize = s -> s.withCommands(new CommandServices(keys, management, new InspectingReplies(diagnostics,
                new JsonFlightRecorder(diagnostics, Clock.systemUTC())),
                new BrowsingModels(ModelListing.none(), "http://127.0.0.1:9/v1", Optional.empty()))
                .withPortability(PortabilityFixture.services(this, management))
                .withHistory(new ManagingHistory(new ResolvePersona(users, new JdbiPersonaRepository(database.jdbi(),
                        Clock.systemUTC()), new JdbiUserPersonalityConfigRepository(database.jdbi(), Clock.systemUTC())),
                        new JdbiPersonaHistoryConfigRepository(database.jdbi(), Clock.systemUTC()),
                        new JdbiConversationHistoryRepository(database), Clock.systemUTC()))
                .withMemory(memoryServices(management))
                .withAdmin(admin(management)));
        customizeSettings = settings;
        startBot();
    }

    /** {@code /memory}'s use cases over this harness's database and key store; texts embed to one-hot vectors. */
    MemoryServices memoryServices(ManagementUseCases management) {
        Clock clock = Clock.systemUTC();
        var personas = new JdbiPersonaRepository(database.jdbi(), clock);
        var memories = new io.tzurot.storage.memory.JdbiMemoryRepository(database);
        io.tzurot.core.model.EmbeddingModel embeddings = text -> {
            float[] v = new float[io.tzurot.core.model.EmbeddingModel.DIMENSIONS];
            v[Math.floorMod(text.hashCode(), v.length)] = 1f;
            return v;
        };
        return new MemoryServices(new io.tzurot.core.memory.ManagingMemories(new ResolvePersona(users, personas,
                new JdbiUserPersonalityConfigRepository(database.jdbi(), clock)), personas, memories,
                io.tzurot.storage.memory.MemorySearches.forDatabase(database), embeddings, clock),
                new io.tzurot.core.memory.GoingIncognito(new io.tzurot.core.memory.IncognitoSessions(keys, clock),
                        personas, memories, clock),
                new io.tzurot.core.memory.SwitchingFocus(management.settings(), management.resolveSettings()));
    }

    /** The bot owner's use cases over this harness's database and {@link #keys}, with no meters. */
    io.tzurot.core.admin.AdminServices admin(ManagementUseCases management) {
        var usage = new io.tzurot.storage.usage.JdbiUsageLogRepository(database);
        return new io.tzurot.core.admin.AdminServices(new io.tzurot.core.admin.ReportingUsage(usage, Clock.systemUTC()),
                new io.tzurot.core.admin.CleaningUp(new JdbiConversationHistoryRepository(database),
                        new JdbiDiagnosticLogRepository(database), usage, Clock.systemUTC()),
                new io.tzurot.core.admin.ManagingPresence(keys), new io.tzurot.core.admin.FleetHeartbeats(keys),
                io.tzurot.core.admin.MetricsSource.NONE, management.settings());
    }

    /** The simulator and database only; tests start their own bots (e.g. one per shard). */
    static BotHarness withoutBot(String name) {
        return new BotHarness(name);
    }

    /** The management use cases over this harness's database; provider keys are checked by {@link #keyCheck}. */
    ManagementUseCases useCases() {
        var jdbi = database.jdbi();
        Clock clock = Clock.systemUTC();
        return ManagementUseCases.of(new ManagementUseCases.Ports(personalities,
                        Optional.of(new JdbiSystemPromptRepository(jdbi, clock)), new JdbiPersonaRepository(jdbi, clock),
                        new JdbiPresetRepository(jdbi, clock), users, new JdbiUserPersonalityConfigRepository(jdbi, clock),
                        new JdbiAdminSettingsRepository(jdbi, clock), new JdbiApiKeyRepository(jdbi, clock), channels,
                        BuiltInPreset.withModel("test/model"), scene),
                Optional.of(new ApiKeyCipher(MASTER_KEY)), keyCheck);
    }

    /** Provider keys are checked by this validator (the fake provider, in the tests that store keys). */
    ProviderKeyValidator keyCheck = new ProviderKeyValidator() {
        @Override
        public java.util.Set<String> providers() {
            return java.util.Set.of("openrouter");
        }

        @Override
        public KeyCheck check(String provider, String apiKey) {
            throw new IllegalStateException("this test checks no provider keys");
        }
    };

    static final byte[] MASTER_KEY = new byte[32];

    DiscordSettings settings() {
        return DiscordSettings.of(simulator.botToken())
                .withEndpoints(URI.create(simulator.restBaseUrl()), URI.create(simulator.gatewayUrl()))
                .withPublicBaseUrl(PUBLIC_URL);
    }

    DiscordServices services() {
        return services(replies);
    }

    /** The harness's repositories with another engine, e.g. to tell apart which bot answered. */
    DiscordServices services(ReplyService engine) {
        return new DiscordServices(personalities, channels, denylist, users, delivered, engine, botClock)
                .withSpeakers(new io.tzurot.core.channel.ChoosingSpeakers(scene, sceneRandom))
                .withSpeaking(new SpeakingServices(new ChoosingWhereCharactersSpeak(speaking), new RecordingGhostTurn(
                        history, new ResolvePersona(users, new JdbiPersonaRepository(database.jdbi(), Clock.systemUTC()),
                        new JdbiUserPersonalityConfigRepository(database.jdbi(), Clock.systemUTC())),
                        text -> text.length() / 4)));
    }

    void startBot() {
        DiscordServices services = customize.apply(services());
        bot = new DiscordBot(customizeSettings.apply(settings()), guards.map(services::withGuards).orElse(services),
                delays);
        bot.start();
    }

    /** A new bot process: nothing survives but what the database holds. */
    void restartBot() {
        bot.stop();
        startBot();
    }

    DiscordBot bot() {
        return bot;
    }

    /** The usual cast of a test class: a guild, its member alice, and her public character Bob. */
    record Cast(SimGuild guild, SimUser alice) {
    }

    Cast cast(String guildName) {
        SimGuild guild = simulator.world().createGuild(guildName);
        SimUser alice = simulator.world().createMember(guild, "alice");
        character(alice, "bob", "Bob", null, true);
        return new Cast(guild, alice);
    }

    /** A stored user who has already passed NSFW verification. */
    User verified(SimUser user) {
        User stored = users.getOrCreate(new DiscordUserProfile(Long.toString(user.id()), user.username(), null, null,
                false), false);
        users.setNsfwVerified(stored.id(), true);
        return stored;
    }

    Personality character(SimUser owner, String slug, String name, String displayName, boolean isPublic) {
        User stored = verified(owner);
        PersonalityDraft draft = new PersonalityDraft(name, displayName, slug, "A character called " + name, "curious",
                null, null, null, null, null, null, null, null, isPublic);
        return personalities.create(stored.id(), draft);
    }

    /** Waits until the bot has posted {@code count} messages in the channel matching {@code filter}. */
    List<BotActivity.Posted> awaitPosts(SimChannel channel, int count) {
        return await().atMost(PATIENCE).until(() -> postsIn(channel), posts -> posts.size() >= count);
    }

    List<BotActivity.Posted> postsIn(SimChannel channel) {
        return simulator.botPostsIn(channel);
    }

    List<BotActivity.Posted> awaitPosts(Predicate<BotActivity.Posted> filter, int count) {
        return await().atMost(PATIENCE).until(() -> simulator.botPosts().stream().filter(filter).toList(),
                posts -> posts.size() >= count);
    }

    @Override
    public void close() {
        if (bot != null) {
            bot.stop();
        }
        simulator.close();
        database.close();
        keys.close();
    }
}
