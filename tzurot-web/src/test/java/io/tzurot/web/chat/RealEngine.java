package io.tzurot.web.chat;

import io.tzurot.core.persona.UserReferences;
import io.tzurot.core.response.ReplyEmbeddings;
import io.tzurot.ai.audio.OpenAiTranscriber;
import io.tzurot.ai.chat.ChatModelConfig;
import io.tzurot.ai.chat.OpenAiCompatibleChatModel;
import io.tzurot.ai.retry.RetryPolicy;
import io.tzurot.ai.token.TiktokenCounter;
import io.tzurot.ai.vision.ChatVisionDescriber;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.apikey.RevealApiKey;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.preset.BuiltInPreset;
import io.tzurot.core.preset.PresetCascade;
import io.tzurot.core.preset.ResolvePreset;
import io.tzurot.core.prompt.PromptAssembler;
import io.tzurot.core.prompt.TokenCounter;
import io.tzurot.core.reply.DescribingAttachments;
import io.tzurot.core.reply.GeneratingReply;
import io.tzurot.core.reply.LoadingConversation;
import io.tzurot.core.reply.MediaSettings;
import io.tzurot.core.reply.ProviderAccess;
import io.tzurot.core.reply.RecallingMemories;
import io.tzurot.core.reply.RecordingExchange;
import io.tzurot.core.reply.ResolvingCredentials;
import io.tzurot.core.reply.ResolvingReplyContext;
import io.tzurot.core.reply.StoringMemories;
import io.tzurot.core.cascade.ResolveSettings;
import io.tzurot.core.user.GetOrCreateUser;
import io.tzurot.storage.apikey.JdbiApiKeyRepository;
import io.tzurot.storage.attachment.JdbiDescriptionCache;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.diagnostics.JdbiDiagnosticLogRepository;
import io.tzurot.storage.diagnostics.JsonFlightRecorder;
import io.tzurot.storage.memory.JdbiMemoryRepository;
import io.tzurot.storage.memory.JdbiPendingMemoryRepository;
import io.tzurot.storage.memory.MemorySearches;
import io.tzurot.storage.persona.JdbiPersonaHistoryConfigRepository;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.personality.JdbiSystemPromptRepository;
import io.tzurot.storage.preset.JdbiPresetRepository;
import io.tzurot.storage.settings.JdbiAdminSettingsRepository;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.testkit.model.FakeModelServer;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

/**
 * The real reply engine (core's pipeline with the real OpenAI-compatible client and token counter) over a
 * database, answering through a {@link FakeModelServer}: it builds and records real prompts, which the
 * console's inspect page shows. Built from parts as the app's ReplyEngine is (the app module depends on this
 * one, so that class is out of reach here).
 */
public final class RealEngine implements AutoCloseable {

    public final FakeModelServer model = FakeModelServer.start();
    public final GeneratingReply service;
    private final ExecutorService cpu = Executors.newFixedThreadPool(2);
    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    RealEngine(Database db, EmbeddingModel embeddings, Clock clock) {
        var jdbi = db.jdbi();
        var users = new JdbiUserRepository(jdbi, clock);
        var personas = new JdbiPersonaRepository(jdbi, clock);
        var presets = new JdbiPresetRepository(jdbi, clock);
        var personalities = new JdbiPersonalityRepository(jdbi, clock);
        var overrides = new JdbiUserPersonalityConfigRepository(jdbi, clock);
        var history = new JdbiConversationHistoryRepository(db);
        var pending = new JdbiPendingMemoryRepository(db);
        TokenCounter tokens = new TiktokenCounter();
        ProviderAccess provider = new ProviderAccess(model.baseUrl(), Optional.of("sk-test"));
        ChatModelConfig config = ChatModelConfig.defaults().withBaseUrl(model.baseUrl());
        ResolvingReplyContext resolution = new ResolvingReplyContext(new GetOrCreateUser(users, null), personalities,
                new ResolvePersona(users, personas, overrides),
                new ResolvePreset(presets, users, personalities, overrides, new PresetCascade(BuiltInPreset.withModel("test/model"))),
                new ResolveSettings(new JdbiAdminSettingsRepository(jdbi, clock), personalities,
                        new io.tzurot.storage.channel.JdbiChannelSettingsRepository(jdbi, clock), users, overrides),
                new ResolvingCredentials(new RevealApiKey(new JdbiApiKeyRepository(jdbi, clock), new ApiKeyCipher(new byte[32])),
                        presets, provider));
        StoringMemories memories = new StoringMemories(pending, new JdbiMemoryRepository(db), embeddings, tokens, writer, clock);
        GeneratingReply.Parts parts = new GeneratingReply.Parts(resolution,
                new LoadingConversation(history, new JdbiPersonaHistoryConfigRepository(jdbi, clock), personas, personalities),
                new DescribingAttachments(new ChatVisionDescriber(new OpenAiCompatibleChatModel(config)),
                        new OpenAiTranscriber(model.baseUrl(), RetryPolicy.TRANSCRIPTION),
                        attachment -> CompletableFuture.failedFuture(new IllegalStateException("no downloads in web tests")),
                        new JdbiDescriptionCache(db), MediaSettings.DEFAULTS, provider, clock),
                new RecallingMemories(MemorySearches.forDatabase(db), embeddings), new PromptAssembler(tokens, clock),
                new JdbiSystemPromptRepository(jdbi, clock), new OpenAiCompatibleChatModel(config), provider,
                new RecordingExchange(history, pending, memories, new JsonFlightRecorder(new JdbiDiagnosticLogRepository(db), clock),
                        tokens), UserReferences.disabled(), ReplyEmbeddings.disabled());
        service = new GeneratingReply(parts, cpu, clock, RandomGenerator.getDefault());
    }

    @Override
    public void close() {
        cpu.shutdownNow();
        writer.shutdownNow();
        model.close();
    }
}
