package io.tzurot.app.wiring;

import io.tzurot.ai.catalog.OpenAiCompatibleModelCatalog;
import io.tzurot.app.config.FactsPreset;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.core.facts.ExtractingFacts;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.reply.FactsForReplies;
import io.tzurot.core.reply.NotesForReplies;
import io.tzurot.core.facts.FactRepository;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.apikey.RevealApiKey;
import io.tzurot.core.cascade.ResolveSettings;
import io.tzurot.core.lorebook.activation.ActivatingLore;
import io.tzurot.core.lorebook.activation.LoreSettings;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.persona.UserReferences;
import io.tzurot.core.preset.BuiltInPreset;
import io.tzurot.core.preset.PresetCascade;
import io.tzurot.core.preset.ResolvePreset;
import io.tzurot.core.prompt.PromptAssembler;
import io.tzurot.core.reply.DescribingAttachments;
import io.tzurot.core.reply.GeneratingReply;
import io.tzurot.core.reply.LoadingConversation;
import io.tzurot.core.reply.MediaSettings;
import io.tzurot.core.reply.ProviderAccess;
import io.tzurot.core.reply.RecallingMemories;
import io.tzurot.core.reply.RecordingExchange;
import io.tzurot.core.reply.ReplyMetrics;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.reply.ResolvingCredentials;
import io.tzurot.core.reply.ResolvingReplyContext;
import io.tzurot.core.reply.StoringMemories;
import io.tzurot.core.response.ReplyEmbeddings;
import io.tzurot.core.usage.UsageLogRepository;
import io.tzurot.core.user.GetOrCreateUser;
import io.tzurot.storage.card.JdbiTransactions;
import io.tzurot.storage.conversation.JdbiExchangeRows;
import io.tzurot.storage.diagnostics.JsonFlightRecorder;
import io.tzurot.storage.lorebook.JdbiLoreTimingStore;
import io.tzurot.storage.portability.JdbiShapesPersonaMappingRepository;
import io.tzurot.storage.usage.JdbiUsageLogRepository;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * The reply engine of one process, wired: {@link #service()} answers requests; {@link #close()} waits for
 * memory and diagnostic writes still in flight.
 */
public final class ReplyEngine implements AutoCloseable {

    /** What the engine is built from besides the repositories and models. */
    public record Settings(ProviderAccess provider, String defaultModel, Optional<String> botOwnerId,
                           MediaSettings media, FactsPreset facts) {

        /** Settings without memory-fact extraction. */
        public Settings(ProviderAccess provider, String defaultModel, Optional<String> botOwnerId, MediaSettings media) {
            this(provider, defaultModel, botOwnerId, media, FactsPreset.parse(null));
        }

        /** The settings the configuration asks for: provider, default model, bot owner and default media limits. */
        public static Settings of(TzurotConfig config) {
            return new Settings(new ProviderAccess(config.llmBaseUrl().toString(), config.llmApiKey()),
                    config.defaultModel(), config.botOwnerId(), MediaSettings.DEFAULTS, config.factsPreset());
        }
    }

    private final GeneratingReply service;
    private final StoringMemories memories;
    private final JsonFlightRecorder recorder;
    private final ReplyEmbeddings replyEmbeddings;
    private final ExecutorService cpu;
    private final java.util.concurrent.ScheduledExecutorService upkeep;

    public ReplyEngine(Repositories repos, ModelComponents models, byte[] masterKey, Settings settings, Clock clock) {
        this(repos, models, masterKey, settings, clock, ReplyMetrics.NONE);
    }

    /**
     * An engine that reports each stage's time and each reply's outcome to {@code metrics}, and logs each reply's
     * usage in the database.
     */
    public ReplyEngine(Repositories repos, ModelComponents models, byte[] masterKey, Settings settings, Clock clock,
                       ReplyMetrics metrics) {
        this(repos, models, masterKey, settings, clock, metrics, Optional.empty(),
                Optional.of(new JdbiUsageLogRepository(repos.database())));
    }

    /**
     * The same, reading the users' incognito sessions (a reply in one stores no memory) and writing each reply's usage
     * to {@code usage} (none when empty: benchmarks).
     */
    public ReplyEngine(Repositories repos, ModelComponents models, byte[] masterKey, Settings settings, Clock clock,
                       ReplyMetrics metrics, Optional<io.tzurot.core.memory.IncognitoSessions> incognito,
                       Optional<UsageLogRepository> usage) {
        this.cpu = pool("reply-cpu", Math.max(2, Runtime.getRuntime().availableProcessors()), 10_000);
        ExecutorService writer = pool("memory-writer", 1, 100_000);
        this.recorder = new JsonFlightRecorder(repos.diagnostics(), clock);
        // one transaction for what a reply writes at once (its row and memory outbox row; the background's batch)
        JdbiTransactions transactions = new JdbiTransactions(repos.database().jdbi());
        this.memories = new StoringMemories(repos.pendingMemories(), repos.memories(), models.embeddings(), models.tokens(),
                writer, clock, transactions);
        ResolvingCredentials credentials = new ResolvingCredentials(
                new RevealApiKey(repos.apiKeys(), new ApiKeyCipher(masterKey)), repos.presets(), settings.provider());
        BuiltInPreset builtIn = BuiltInPreset.withModel(settings.defaultModel());
        ResolvePersona personas = new ResolvePersona(repos.users(), repos.personas(), repos.userPersonalityConfigs());
        ResolvingReplyContext resolution = new ResolvingReplyContext(
                new GetOrCreateUser(repos.users(), settings.botOwnerId().orElse(null)), repos.personalities(),
                personas,
                new ResolvePreset(repos.presets(), repos.users(), repos.personalities(), repos.userPersonalityConfigs(),
                        new PresetCascade(builtIn)),
                new ResolveSettings(repos.adminSettings(), repos.personalities(), repos.channels(), repos.users(),
                        repos.userPersonalityConfigs()),
                credentials, incognito);
        this.replyEmbeddings = new ReplyEmbeddings(models.embeddings());
        // sticky/cooldown/delay state per channel, in the database: it outlives restarts and each CLI run
        JdbiLoreTimingStore loreTiming = new JdbiLoreTimingStore(repos.database().jdbi(), clock);
        RecordingExchange recording = new RecordingExchange(repos.history(), repos.pendingMemories(), memories, recorder,
                models.tokens()).withExchangeRows(JdbiExchangeRows.of(repos.database(), repos.history(),
                repos.pendingMemories()));
        GeneratingReply.Parts parts = new GeneratingReply.Parts(resolution,
                new LoadingConversation(repos.history(), repos.historyEpochs(), repos.personas(), repos.personalities(),
                        java.util.Optional.of(repos.channels())),
                new DescribingAttachments(models.vision(), models.transcriber(), models.attachments(), repos.descriptions(),
                        settings.media(), settings.provider(), clock, OpenAiCompatibleModelCatalog.create(clock)),
                new RecallingMemories(repos.memorySearch(), models.embeddings()),
                new PromptAssembler(models.tokens(), clock), repos.systemPrompts(), models.chat(), settings.provider(),
                usage.map(recording::withUsage).orElse(recording),
                new UserReferences(repos.users(), personas, repos.personas(),
                        new JdbiShapesPersonaMappingRepository(repos.database())),
                replyEmbeddings,
                new ActivatingLore(repos.lorebooks(), loreTiming, models.tokens(),
                        RandomGenerator.getDefault()::nextDouble, LoreSettings.DEFAULTS),
                facts(repos, models, settings.facts(), writer, clock),
                new NotesForReplies(repos.authorsNotes(), repos.userPrompts(), repos.history()));
        this.service = new GeneratingReply(parts, cpu, clock, RandomGenerator.getDefault(), metrics);
        this.upkeep = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reply-upkeep");
            t.setDaemon(true);
            return t;
        });
        // flight records are kept 24 h (pipeline.md §9): RetentionWiring's diagnostics sweep, once per fleet
    }

    /** Memory facts: always recalled; extracted in the background (on the memory writer) when the operator opted in. */
    private static FactsForReplies facts(Repositories repos, ModelComponents models, FactsPreset preset,
                                         ExecutorService background, Clock clock) {
        FactRepository facts = repos.facts();
        Optional<ExtractingFacts> extracting = preset.enabled()
                ? Optional.of(new ExtractingFacts(facts, models.chat(),
                        () -> preset.presetId().flatMap(repos.presets()::findById).map(Preset::model), background, clock))
                : Optional.empty();
        return new FactsForReplies(Optional.of(facts), extracting);
    }

    /** Deletes flight records older than a day; returns how many. */
    static int sweepDiagnostics(Repositories repos, Clock clock) {
        try {
            return repos.diagnostics().deleteOlderThan(clock.instant().minus(java.time.Duration.ofHours(24)));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ReplyEngine.class).warn("diagnostics sweep failed: {}", e.getMessage());
            return 0;
        }
    }

    public ReplyService service() {
        return service;
    }

    /** The embeddings of recent replies kept for the semantic duplicate check. */
    public ReplyEmbeddings replyEmbeddings() {
        return replyEmbeddings;
    }

    public JsonFlightRecorder flightRecorder() {
        return recorder;
    }

    /** Waits (briefly) until the flight record of {@code requestId} is stored; it is written in the background. */
    public void awaitRecorded(String requestId) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (recorder.findJson(requestId).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Queues memories left in the outbox by an earlier run; returns how many. */
    public int resumePendingMemories() {
        return memories.retryPending();
    }

    @Override
    public void close() {
        upkeep.shutdownNow();
        memories.close();
        cpu.shutdown();
        try {
            cpu.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService pool(String name, int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queue), factory,
                new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
