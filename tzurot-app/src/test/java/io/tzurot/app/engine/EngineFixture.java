package io.tzurot.app.engine;

import io.tzurot.ai.audio.OpenAiTranscriber;
import io.tzurot.ai.chat.ChatModelConfig;
import io.tzurot.ai.chat.OpenAiCompatibleChatModel;
import io.tzurot.ai.embedding.BgeSmallEmbeddingModel;
import io.tzurot.ai.retry.RetryPolicy;
import io.tzurot.ai.token.TiktokenCounter;
import io.tzurot.ai.vision.ChatVisionDescriber;
import io.tzurot.app.wiring.ModelComponents;
import io.tzurot.app.wiring.ReplyEngine;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.model.ChatModel;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.MediaSettings;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ProviderAccess;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Database;
import io.tzurot.testkit.model.FakeModelServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;

/** The real engine on a real database, the real chat client and embeddings, a fake model server. */
final class EngineFixture implements AutoCloseable {

    private static final CompletableFuture<EmbeddingModel> EMBEDDINGS = CompletableFuture.supplyAsync(BgeSmallEmbeddingModel::new);

    final FakeModelServer model = FakeModelServer.start();
    final Repositories repos;
    final ReplyEngine engine;

    EngineFixture(Database database) {
        this(database, null);
    }

    EngineFixture(Database database, ChatModel chatOverride) {
        repos = Repositories.of(database, Clock.systemUTC());
        ChatModelConfig config = ChatModelConfig.defaults().withBaseUrl(model.baseUrl());
        ChatModel chat = chatOverride != null ? chatOverride : new OpenAiCompatibleChatModel(config);
        ModelComponents models = new ModelComponents(chat, EMBEDDINGS.join(), new TiktokenCounter(),
                new ChatVisionDescriber(new OpenAiCompatibleChatModel(config.withRetryPolicy(RetryPolicy.VISION))),
                new OpenAiTranscriber(model.baseUrl(), RetryPolicy.TRANSCRIPTION),
                attachment -> CompletableFuture.failedFuture(new IllegalStateException("no downloads in this test")));
        engine = new ReplyEngine(repos, models, new byte[32],
                new ReplyEngine.Settings(new ProviderAccess(model.baseUrl(), Optional.of("sk-test")), "test/model",
                        Optional.empty(), MediaSettings.DEFAULTS), Clock.systemUTC());
    }

    Personality personality(String name, String slug) {
        User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false), false);
        return repos.personalities().create(owner.id(), PersonalityDraft.of(name, slug,
                name + " is a thoughtful librarian.", "patient, precise").withPublic(true));
    }

    ReplyOutcome say(String user, String slug, String channel, String text) {
        ReplyRequest request = ReplyRequest.text("test:" + UUID.randomUUID(), Platform.CLI, new Speaker(user, "u" + user, null),
                slug, channel, text, Clock.systemUTC().instant());
        return engine.service().reply(request).join();
    }

    /** Waits until the background memory writer has emptied the outbox. */
    void awaitMemoriesStored() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> repos.pendingMemories().retryable(3, 10).isEmpty());
    }

    @Override
    public void close() {
        engine.close();
        model.close();
    }

    /** The system message's text in a request body the fake model received (a plain string or the first text part). */
    static String systemPrompt(com.fasterxml.jackson.databind.JsonNode body) {
        for (com.fasterxml.jackson.databind.JsonNode message : body.path("messages")) {
            if ("system".equals(message.path("role").asText())) {
                return message.path("content").isTextual() ? message.path("content").asText()
                        : message.path("content").path(0).path("text").asText();
            }
        }
        return "";
    }
}
