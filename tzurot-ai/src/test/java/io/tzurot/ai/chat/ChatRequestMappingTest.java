package io.tzurot.ai.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.ai.retry.RetryPolicy;
import io.tzurot.core.model.ContentPart;
import io.tzurot.core.model.ModelMessage;
import io.tzurot.core.model.ModelParameters;
import io.tzurot.core.model.ModelRequest;
import io.tzurot.core.model.Reasoning;
import io.tzurot.core.model.ReasoningEffort;
import io.tzurot.core.model.ResponseFormat;
import io.tzurot.core.model.Verbosity;
import io.tzurot.testkit.model.FakeModelServerExtension;
import io.tzurot.testkit.model.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every preset parameter reaches the wire under the name OpenRouter expects. */
class ChatRequestMappingTest {

    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofSeconds(20), Duration.ofSeconds(60),
            Duration.ofMillis(10), Duration.ofMillis(40));

    @RegisterExtension
    static final FakeModelServerExtension model = new FakeModelServerExtension();
    OpenAiCompatibleChatModel chat;

    @BeforeEach
    void setUp() {
        chat = new OpenAiCompatibleChatModel(ChatModelConfig.defaults().withBaseUrl(model.server().baseUrl())
                .withRetryPolicy(FAST));
    }

    private JsonNode send(ModelParameters parameters) {
        ModelRequest request = new ModelRequest("vendor/model-a",
                List.of(ModelMessage.system("be brief"), ModelMessage.user("hi")), parameters);
        chat.generate(request, "sk-test").join();
        return model.server().lastRequest().body();
    }

    @Test
    void standardParametersUseOpenAiNames() {
        JsonNode body = send(ModelParameters.builder().temperature(0.7).topP(0.9).frequencyPenalty(0.5)
                .presencePenalty(-0.5).maxTokens(321).seed(42).stop(List.of("</message>", "<message"))
                .logitBias(Map.of("1234", -100, "42", 5)).responseFormat(ResponseFormat.JSON_OBJECT).build());

        assertThat(body.path("model").asText()).isEqualTo("vendor/model-a");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("frequency_penalty").asDouble()).isEqualTo(0.5);
        assertThat(body.path("presence_penalty").asDouble()).isEqualTo(-0.5);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(321);
        assertThat(body.path("seed").asInt()).isEqualTo(42);
        assertThat(body.path("stop").toString()).isEqualTo("[\"</message>\",\"<message\"]");
        assertThat(body.path("logit_bias").path("1234").asInt()).isEqualTo(-100);
        assertThat(body.path("logit_bias").path("42").asInt()).isEqualTo(5);
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        // nobody follows this call's text: the answer is asked for whole (ChatResponseTest covers both ways)
        assertThat(body.path("stream").asBoolean(true)).isFalse();
    }

    @Test
    void openRouterParametersGoToTheTopLevelOfTheBody() {
        JsonNode body = send(ModelParameters.builder().topK(40).minP(0.05).topA(0.2).repetitionPenalty(1.1)
                .transforms(List.of("middle-out")).route("fallback").verbosity(Verbosity.HIGH).build());

        assertThat(body.path("top_k").asInt()).isEqualTo(40);
        assertThat(body.path("min_p").asDouble()).isEqualTo(0.05);
        assertThat(body.path("top_a").asDouble()).isEqualTo(0.2);
        assertThat(body.path("repetition_penalty").asDouble()).isEqualTo(1.1);
        assertThat(body.path("transforms").toString()).isEqualTo("[\"middle-out\"]");
        assertThat(body.path("route").asText()).isEqualTo("fallback");
        assertThat(body.path("verbosity").asText()).isEqualTo("high");
    }

    @Test
    void reasoningEffortWinsOverMaxTokens() {
        JsonNode body = send(ModelParameters.builder()
                .reasoning(new Reasoning(ReasoningEffort.HIGH, 2048, true, true)).build());

        JsonNode reasoning = body.path("reasoning");
        assertThat(reasoning.path("effort").asText()).isEqualTo("high");
        assertThat(reasoning.has("max_tokens")).isFalse();
        assertThat(reasoning.path("exclude").asBoolean()).isTrue();
        assertThat(reasoning.path("enabled").asBoolean()).isTrue();
    }

    @Test
    void reasoningMaxTokensIsSentWithoutEffort() {
        JsonNode body = send(ModelParameters.builder().reasoning(new Reasoning(null, 2048, null, false)).build());

        assertThat(body.path("reasoning").path("max_tokens").asInt()).isEqualTo(2048);
        assertThat(body.path("reasoning").path("enabled").asBoolean()).isFalse();
        assertThat(body.path("reasoning").has("effort")).isFalse();
    }

    @Test
    void unsetParametersAreNotSent() {
        JsonNode body = send(ModelParameters.DEFAULTS);

        for (String absent : List.of("temperature", "top_p", "top_k", "min_p", "top_a", "frequency_penalty",
                "presence_penalty", "repetition_penalty", "seed", "max_tokens", "stop", "logit_bias",
                "response_format", "reasoning", "transforms", "route", "verbosity")) {
            assertThat(body.has(absent)).as(absent).isFalse();
        }
    }

    @Test
    void messagesKeepRolesOrderAndImages() {
        ModelRequest request = new ModelRequest("vendor/vision", List.of(
                ModelMessage.system("sys"),
                ModelMessage.user("first"),
                ModelMessage.assistant("answer"),
                ModelMessage.user("look", List.of(ContentPart.Image.ofUrl("https://cdn.example/cat.png"),
                        ContentPart.Image.ofBytes(new byte[] {1, 2, 3}, "image/png")))), ModelParameters.DEFAULTS);

        chat.generate(request, "sk-test").join();

        RecordedRequest recorded = model.server().lastRequest();
        JsonNode messages = recorded.body().path("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("sys");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(2).path("content").asText()).isEqualTo("answer");
        assertThat(recorded.imageUrls()).containsExactly("https://cdn.example/cat.png", "data:image/png;base64,AQID");
        assertThat(recorded.lastUserText()).isEqualTo("look");
    }

    @Test
    void keyAndAttributionHeadersAreSent() {
        chat = new OpenAiCompatibleChatModel(new ChatModelConfig(model.server().baseUrl(), Optional.of("https://tzurot.example"),
                Optional.of("Tzurot ✨ bot"), FAST));

        send(ModelParameters.DEFAULTS);

        RecordedRequest recorded = model.server().lastRequest();
        assertThat(recorded.header("Authorization")).contains("Bearer sk-test");
        assertThat(recorded.header("HTTP-Referer")).contains("https://tzurot.example");
        assertThat(recorded.header("X-Title")).contains("Tzurot  bot");
        assertThat(recorded.path()).isEqualTo("/v1/chat/completions");
    }
}
