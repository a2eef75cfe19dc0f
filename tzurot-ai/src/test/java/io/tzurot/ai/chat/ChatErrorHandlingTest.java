package io.tzurot.ai.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tzurot.ai.retry.RetryPolicy;
import io.tzurot.core.model.ModelCallException;
import io.tzurot.core.model.ModelError;
import io.tzurot.core.model.ModelMessage;
import io.tzurot.core.model.ModelRequest;
import io.tzurot.core.model.ModelResponse;
import io.tzurot.testkit.model.FakeModelServerExtension;
import io.tzurot.testkit.model.FakeReply;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTP failures map to the sealed errors; transient ones are retried, permanent ones are not. */
class ChatErrorHandlingTest {

    @RegisterExtension
    static final FakeModelServerExtension model = new FakeModelServerExtension();
    OpenAiCompatibleChatModel chat;

    @BeforeEach
    void setUp() {
        chat = chatWith(ChatRequestMappingTest.FAST, model.server().baseUrl());
    }

    private static OpenAiCompatibleChatModel chatWith(RetryPolicy policy, String baseUrl) {
        return new OpenAiCompatibleChatModel(ChatModelConfig.defaults().withBaseUrl(baseUrl).withRetryPolicy(policy));
    }

    private static ModelRequest request() {
        return new ModelRequest("vendor/m", List.of(ModelMessage.user("hi")), null);
    }

    private static ModelError failureOf(OpenAiCompatibleChatModel model) {
        Throwable thrown = catchThrowable(() -> model.generate(request(), "sk-test").join());
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ModelCallException.class);
        return ((ModelCallException) thrown.getCause()).error();
    }

    @ParameterizedTest
    @CsvSource({
        "400, BadRequest",
        "401, Unauthorized",
        "402, PaymentRequired",
        "403, Forbidden",
        "404, ModelNotFound"})
    void permanentErrorsFailFastWithoutRetry(int status, String category) {
        model.server().respondWith(request -> FakeReply.error(status, "nope " + status));

        ModelError error = failureOf(chat);

        assertThat(error.category()).isEqualTo(category);
        assertThat(error.retryable()).isFalse();
        assertThat(error.statusCode()).hasValue(status);
        assertThat(error.detail()).contains("nope " + status);
        assertThat(error.userMessage()).isNotBlank().doesNotContain("nope");
        assertThat(model.server().requests()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"429, RateLimited", "500, ServerError", "502, ServerError", "503, ServerError"})
    void transientErrorsAreRetriedUpToTheAttemptLimit(int status, String category) {
        model.server().respondWith(request -> FakeReply.error(status));

        ModelError error = failureOf(chat);

        assertThat(error.category()).isEqualTo(category);
        assertThat(error.retryable()).isTrue();
        assertThat(model.server().requests()).hasSize(3);
    }

    @Test
    void transientErrorThenSuccessReturnsTheAnswerAndCountsAttempts() {
        model.server().enqueue(FakeReply.error(500), FakeReply.error(429), FakeReply.text("third time lucky"));

        ModelResponse response = chat.generate(request(), "sk-test").join();

        assertThat(response.content()).isEqualTo("third time lucky");
        assertThat(response.attempts()).isEqualTo(3);
        assertThat(model.server().requests()).hasSize(3);
    }

    @Test
    void retryAfterHeaderIsReadIntoTheRateLimitError() {
        model.server().respondWith(request -> new FakeReply.Failure(429, "slow down", 7, Duration.ZERO));
        chat = chatWith(new RetryPolicy(1, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ZERO,
                Duration.ZERO), model.server().baseUrl());

        ModelError error = failureOf(chat);

        assertThat(error).isInstanceOfSatisfying(ModelError.RateLimited.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void emptyRepliesAreRetriedThenReportedAsBadResponse() {
        model.server().respondWith(request -> FakeReply.text("   "));

        ModelError error = failureOf(chat);

        assertThat(error).isInstanceOf(ModelError.BadResponse.class);
        assertThat(error.detail()).contains("empty");
        assertThat(model.server().requests()).hasSize(3);
    }

    @Test
    void censoredReplyIsRetried() {
        model.server().enqueue(FakeReply.text("ext"), FakeReply.text("a real answer"));

        ModelResponse response = chat.generate(request(), "sk-test").join();

        assertThat(response.content()).isEqualTo("a real answer");
        assertThat(response.attempts()).isEqualTo(2);
    }

    @Test
    void errorInsideASuccessfulStreamIsAServerError() {
        String stream = "data: {\"id\":\"1\",\"model\":\"vendor/m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"par\"}}]}\n\n"
                + "data: {\"id\":\"1\",\"error\":{\"code\":502,\"message\":\"upstream died\"},"
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"error\"}]}\n\n"
                + "data: [DONE]\n\n";
        model.server().respondWith(request -> FakeReply.raw(200, "text/event-stream", stream));

        ModelError error = failureOf(chat);

        assertThat(error).isInstanceOf(ModelError.ServerError.class);
        assertThat(error.statusCode()).hasValue(502);
        assertThat(error.detail()).contains("upstream died");
        assertThat(model.server().requests()).hasSize(3);
    }

    @Test
    void slowAttemptTimesOutAndTheNextAttemptAnswers() {
        chat = chatWith(new RetryPolicy(2, Duration.ofMillis(300), Duration.ofSeconds(30), Duration.ZERO,
                Duration.ZERO), model.server().baseUrl());
        model.server().enqueue(FakeReply.text("too late").after(Duration.ofSeconds(5)), FakeReply.text("in time"));

        ModelResponse response = chat.generate(request(), "sk-test").join();

        assertThat(response.content()).isEqualTo("in time");
        assertThat(response.attempts()).isEqualTo(2);
    }

    @Test
    void everyAttemptTimingOutIsATimeout() {
        chat = chatWith(new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ZERO,
                Duration.ZERO), model.server().baseUrl());
        model.server().respondWith(request -> FakeReply.text("too late").after(Duration.ofSeconds(5)));

        ModelError error = failureOf(chat);

        assertThat(error).isInstanceOf(ModelError.Timeout.class);
        assertThat(model.server().requests()).hasSize(2);
    }

    @Test
    void unreachableProviderIsANetworkError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        chat = chatWith(ChatRequestMappingTest.FAST, "http://127.0.0.1:" + closedPort + "/v1");

        ModelError error = failureOf(chat);

        assertThat(error).isInstanceOf(ModelError.Network.class);
        assertThat(error.retryable()).isTrue();
    }

    @Test
    void wrongKeyIsUnauthorizedAndMissingKeyNeverLeavesTheProcess() {
        model.server().requireApiKey("sk-right");

        assertThat(failureOf(chat)).isInstanceOf(ModelError.Unauthorized.class);
        assertThat(model.server().requests()).hasSize(1);

        Throwable missing = catchThrowable(() -> chat.generate(request(), " ").join());
        assertThat(missing.getCause()).isInstanceOfSatisfying(ModelCallException.class,
                e -> assertThat(e.error()).isInstanceOf(ModelError.Unauthorized.class));
        assertThat(model.server().requests()).hasSize(1);
    }

    @Test
    void explicitBaseUrlOverridesTheDefault() {
        chat = chatWith(ChatRequestMappingTest.FAST, "http://127.0.0.1:9/unused");

        ModelResponse response = chat.generate(request(), "sk-test", Optional.of(model.server().baseUrl() + "/")).join();

        assertThat(response.content()).isEqualTo("Echo: hi");
    }
}
