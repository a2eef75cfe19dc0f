package io.tzurot.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.ai.audio.OpenAiTranscriber;
import io.tzurot.ai.chat.ChatModelConfig;
import io.tzurot.ai.chat.OpenAiCompatibleChatModel;
import io.tzurot.ai.embedding.BgeSmallEmbeddingModel;
import io.tzurot.ai.retry.RetryPolicy;
import io.tzurot.ai.token.TiktokenCounter;
import io.tzurot.ai.vision.ChatVisionDescriber;
import io.tzurot.app.config.FactsPreset;
import io.tzurot.app.wiring.ModelComponents;
import io.tzurot.app.wiring.ReplyEngine;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.model.ChatModel;
import io.tzurot.core.model.FinishReason;
import io.tzurot.core.model.ModelRequest;
import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.MediaSettings;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ProviderAccess;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.storage.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With extraction on, an ordinary exchange is sent to the facts model and leaves a fact; an incognito one neither. */
class FactsIncognitoTest {

    private static final String USER = "100000000000000002";
    private final TestDatabases.TestDatabase db = TestDatabases.h2();
    private final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
    private ReplyEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        db.close();
    }

    private static boolean extraction(ModelRequest request) {
        return request.messages().get(0).text().startsWith("You keep a short list of durable facts");
    }

    @Test
    void incognitoExchangesAreNeverSentForExtraction() {
        ChatModel chat = (request, key, base) -> {
            requests.add(request);
            String answer = extraction(request) ? "ADD 0.9 | has a cat called Quillibrand" : "How lovely, tell me more.";
            return CompletableFuture.completedFuture(new ModelResponse(answer, Optional.empty(), FinishReason.STOP,
                    Optional.empty(), request.model(), Duration.ZERO, 1));
        };
        Repositories repos = Repositories.of(db.database(), Clock.systemUTC());
        ChatModelConfig config = ChatModelConfig.defaults().withBaseUrl("http://127.0.0.1:9/v1");
        ModelComponents models = new ModelComponents(chat, new BgeSmallEmbeddingModel(), new TiktokenCounter(),
                new ChatVisionDescriber(new OpenAiCompatibleChatModel(config.withRetryPolicy(RetryPolicy.VISION))),
                new OpenAiTranscriber("http://127.0.0.1:9/v1", RetryPolicy.TRANSCRIPTION),
                attachment -> CompletableFuture.failedFuture(new IllegalStateException("no downloads in this test")));
        engine = new ReplyEngine(repos, models, new byte[32], new ReplyEngine.Settings(new ProviderAccess(
                "http://127.0.0.1:9/v1", Optional.of("sk-test")), "test/model", Optional.empty(), MediaSettings.DEFAULTS,
                FactsPreset.parse("reply")), Clock.systemUTC());
        var owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false), false);
        repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "A librarian.", "kind").withPublic(true));

        ReplyRequest plain = ReplyRequest.text("web:incognito-facts", Platform.WEB, new Speaker(USER, "me", null), "ada",
                "c1", "I have a cat called Quillibrand.", Clock.systemUTC().instant());
        ReplyRequest incognito = new ReplyRequest(plain.requestId(), plain.platform(), plain.speaker(), plain.personality(),
                plain.channelId(), plain.guildId(), plain.location(), plain.message(), plain.attachments(),
                plain.references(), plain.triggerMessageId(), plain.mentionedChannelIds(), plain.receivedAt(), true);
        engine.service().reply(incognito).join();
        ReplyRequest later = ReplyRequest.text("web:plain-facts", Platform.WEB, new Speaker(USER, "me", null), "ada",
                "c1", "My cat Quillibrand is asleep.", Clock.systemUTC().instant());
        engine.service().reply(later).join();

        // the plain exchange's extraction lands; by then the incognito one (queued first) would have too
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> db.database().jdbi().withHandle(h -> h
                .createQuery("SELECT count(*) FROM memory_facts").mapTo(Integer.class).one()) == 1);
        List<ModelRequest> extractions = requests.stream().filter(FactsIncognitoTest::extraction).toList();
        assertThat(extractions).hasSize(1);
        assertThat(extractions.get(0).messages().get(1).text()).contains("My cat Quillibrand is asleep.")
                .doesNotContain("I have a cat called Quillibrand.");
    }
}
