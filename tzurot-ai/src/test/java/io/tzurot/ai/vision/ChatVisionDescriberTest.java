package io.tzurot.ai.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.ai.chat.ChatModelConfig;
import io.tzurot.ai.chat.OpenAiCompatibleChatModel;
import io.tzurot.ai.retry.RetryPolicy;
import io.tzurot.core.model.ContentPart;
import io.tzurot.core.model.ModelCallException;
import io.tzurot.core.model.ModelError;
import io.tzurot.core.model.VisionRequest;
import io.tzurot.testkit.model.FakeModelServerExtension;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Images go to the vision model with the archival instruction; failures surface as model errors. */
class ChatVisionDescriberTest {

    @RegisterExtension
    static final FakeModelServerExtension model = new FakeModelServerExtension();
    ChatVisionDescriber describer;

    @BeforeEach
    void setUp() {
        RetryPolicy fast = new RetryPolicy(3, Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofMillis(5),
                Duration.ofMillis(20));
        describer = new ChatVisionDescriber(new OpenAiCompatibleChatModel(
                ChatModelConfig.defaults().withBaseUrl(model.server().baseUrl()).withRetryPolicy(fast)));
    }

    @Test
    void describesAnImageUrlWithTheSystemPromptAndLowTemperature() {
        model.server().enqueue(FakeReply.text("  A grey cat asleep on a red sofa.  "));

        String description = describer.describe(new VisionRequest(ContentPart.Image.ofUrl("https://cdn.example/cat.png"),
                "vendor/vision", Optional.of("You are Lilith.")), "sk-test", Optional.empty()).join();

        assertThat(description).isEqualTo("A grey cat asleep on a red sofa.");
        RecordedRequest recorded = model.server().lastRequest();
        JsonNode body = recorded.body();
        assertThat(body.path("model").asText()).isEqualTo("vendor/vision");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("You are Lilith.");
        assertThat(recorded.imageUrls()).containsExactly("https://cdn.example/cat.png");
        assertThat(recorded.lastUserText()).isEqualTo(ChatVisionDescriber.INSTRUCTION);
    }

    @Test
    void sendsInlineImagesAsDataUrlsAndSkipsABlankSystemPrompt() {
        model.server().enqueue(FakeReply.text("Three pixels."));

        describer.describe(new VisionRequest(ContentPart.Image.ofBytes(new byte[] {9, 8, 7}, "image/jpeg"),
                "vendor/vision", Optional.of("  ")), "sk-test", Optional.empty()).join();

        RecordedRequest recorded = model.server().lastRequest();
        assertThat(recorded.body().path("messages")).hasSize(1);
        assertThat(recorded.imageUrls()).containsExactly("data:image/jpeg;base64,CQgH");
    }

    @Test
    void reasoningOnlyReplyIsNotADescription() {
        model.server().enqueue(FakeReply.text("").withReasoning("I think it is a cat", FakeReply.ReasoningField.REASONING));

        Throwable thrown = catchThrowable(() -> describer.describe(new VisionRequest(
                ContentPart.Image.ofUrl("https://cdn.example/cat.png"), "vendor/vision", Optional.empty()),
                "sk-test", Optional.empty()).join());

        assertThat(thrown.getCause()).isInstanceOfSatisfying(ModelCallException.class,
                e -> assertThat(e.error()).isInstanceOf(ModelError.BadResponse.class));
    }

    @Test
    void missingVisionModelIsModelNotFound() {
        model.server().respondWith(request -> FakeReply.error(404, "no such model"));

        Throwable thrown = catchThrowable(() -> describer.describe(new VisionRequest(
                ContentPart.Image.ofUrl("https://cdn.example/cat.png"), "vendor/gone", Optional.empty()),
                "sk-test", Optional.empty()).join());

        assertThat(thrown.getCause()).isInstanceOfSatisfying(ModelCallException.class,
                e -> assertThat(e.error()).isInstanceOf(ModelError.ModelNotFound.class));
        assertThat(model.server().requests()).hasSize(1);
    }
}
