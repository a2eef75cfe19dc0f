package io.tzurot.ai.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.model.FinishReason;
import io.tzurot.core.model.ModelRequest;
import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.model.TokenUsage;
import io.tzurot.testkit.model.FakeModelServerExtension;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.FakeReply.ReasoningField;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import io.tzurot.core.model.ModelStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Content, reasoning, finish reason, usage and model come back from the wire intact, whether the answer is streamed
 * (someone follows the text) or asked for whole (nobody does).
 */
class ChatResponseTest {

    @RegisterExtension
    static final FakeModelServerExtension model = new FakeModelServerExtension();

    abstract static class Contract {
        OpenAiCompatibleChatModel chat;

        /** The stream a call is given: none (the answer asked for whole) or a follower's. */
        abstract ModelStream stream();

        @BeforeEach
        void setUp() {
            chat = new OpenAiCompatibleChatModel(ChatModelConfig.defaults().withBaseUrl(model.server().baseUrl())
                    .withRetryPolicy(ChatRequestMappingTest.FAST));
        }

        ModelResponse ask(String text) {
            return chat.generate(new ModelRequest("vendor/m", List.of(io.tzurot.core.model.ModelMessage.user(text)), null),
                    "sk-test", java.util.Optional.empty(), stream()).join();
        }

        @Test
        void contentUsageFinishReasonAndAnsweringModelAreReported() {
            String longReply = "A reply long enough to arrive in several stream chunks, with ünïcödé ✨ and\nnew lines.";
            model.server().enqueue(FakeReply.text(longReply).withUsage(123, 45).withFinishReason("length")
                    .withModel("vendor/m-2025-01-01"));

            ModelResponse response = ask("hello");

            assertThat(response.content()).isEqualTo(longReply);
            assertThat(response.reasoning()).isEmpty();
            assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
            assertThat(response.usage()).contains(new TokenUsage(123, 45));
            assertThat(response.modelUsed()).isEqualTo("vendor/m-2025-01-01");
            assertThat(response.attempts()).isEqualTo(1);
            assertThat(response.elapsed()).isPositive();
        }

        @ParameterizedTest
        @EnumSource(ReasoningField.class)
        void reasoningIsCapturedFromEveryProviderField(ReasoningField field) {
            model.server().enqueue(FakeReply.text("The answer is 4.").withReasoning("2 plus 2 is 4, obviously.", field));

            ModelResponse response = ask("2+2?");

            assertThat(response.content()).isEqualTo("The answer is 4.");
            assertThat(response.reasoning()).contains("2 plus 2 is 4, obviously.");
        }

        @Test
        void reasoningOnlyReplyIsNotEmpty() {
            model.server().enqueue(FakeReply.text("").withReasoning("thinking out loud", ReasoningField.REASONING));

            ModelResponse response = ask("hm");

            assertThat(response.content()).isEmpty();
            assertThat(response.reasoning()).contains("thinking out loud");
            assertThat(model.server().requests()).hasSize(1);
        }

        @Test
        void clientErrorBodyThatStillCarriesAnAnswerIsAccepted() {
            // a provider quirk (spec pipeline.md §6.1): 4xx status, yet a full completion in the JSON body
            model.server().enqueue(FakeReply.raw(400, "application/json", "{\"id\":\"x\",\"model\":\"vendor/q\",\"choices\":"
                    + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"still here\","
                    + "\"reasoning\":\"why not\"},\"finish_reason\":\"stop\"}]}"));

            ModelResponse response = ask("go");

            assertThat(response.content()).isEqualTo("still here");
            assertThat(response.reasoning()).contains("why not");
            assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(model.server().requests()).hasSize(1);
        }

        @Test
        void manyCallsWaitConcurrentlyWithoutAThreadEach() {
            int calls = 300;
            model.server().respondWith(request -> FakeReply.text("late " + request.lastUserText())).holdReplies();

            List<CompletableFuture<ModelResponse>> futures = IntStream.range(0, calls)
                    .mapToObj(i -> chat.generate(new ModelRequest("vendor/m",
                            List.of(io.tzurot.core.model.ModelMessage.user("n" + i)), null), "sk-test",
                            java.util.Optional.empty(), stream()))
                    .collect(Collectors.toList());
            // every call reaches the server while none has been answered: no per-call thread or pool limit
            await().atMost(Duration.ofMinutes(2)).until(() -> model.server().inFlight() == calls);
            model.server().releaseReplies();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();

            assertThat(model.server().maxInFlight()).isEqualTo(calls);
            assertThat(futures).allSatisfy(f -> assertThat(f.join().content()).startsWith("late n"));
            assertThat(futures.stream().map(f -> f.join().content()).distinct()).hasSize(calls);
        }
    }

    @Nested
    class Whole extends Contract {
        @Override
        ModelStream stream() {
            return ModelStream.NONE;
        }

        @Test
        void theAnswerIsAskedForWholeWithoutStreamingOptions() {
            model.server().enqueue(FakeReply.text("All at once.").withUsage(10, 3));

            ModelResponse response = ask("hi");

            assertThat(response.content()).isEqualTo("All at once.");
            assertThat(response.usage()).contains(new TokenUsage(10, 3));
            var sent = model.server().requests().get(0);
            assertThat(sent.streaming()).isFalse();
            assertThat(sent.body().path("stream").asBoolean(true)).isFalse();
            assertThat(sent.body().has("stream_options")).isFalse();
            assertThat(sent.body().path("model").asText()).isEqualTo("vendor/m");
        }

        @Test
        void aServerThatStreamsAnywayIsReadAsAStream() {
            model.server().enqueue(FakeReply.raw(200, "text/event-stream",
                    "data: {\"id\":\"s\",\"model\":\"vendor/s\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                            + "\"content\":\"Stre\"}}]}\n\n"
                            + "data: {\"id\":\"s\",\"model\":\"vendor/s\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"amed\"},"
                            + "\"finish_reason\":\"stop\"}]}\n\n"
                            + "data: [DONE]\n\n"));

            ModelResponse response = ask("hi");

            assertThat(response.content()).isEqualTo("Streamed");
            assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        }

        @Test
        void anAnswerThatIsNotJsonIsAFailureNamingIt() {
            model.server().enqueue(FakeReply.raw(200, "text/plain", "<html>gateway</html>"));
            model.server().enqueue(FakeReply.raw(200, "text/plain", "<html>gateway</html>"));
            model.server().enqueue(FakeReply.raw(200, "text/plain", "<html>gateway</html>"));

            assertThat(chat.generate(new ModelRequest("vendor/m", List.of(io.tzurot.core.model.ModelMessage.user("x")),
                    null), "sk-test")).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                    .withMessageContaining("not JSON").withMessageContaining("<html>gateway</html>");
        }
    }

    @Nested
    class Streamed extends Contract {
        final StringBuilder pieces = new StringBuilder();

        @Override
        ModelStream stream() {
            return text -> {
                synchronized (pieces) {
                    pieces.append(text);
                }
            };
        }

        @Test
        void theAnswerIsStreamedToItsFollower() {
            String reply = "A reply long enough to arrive in several stream chunks.";
            model.server().enqueue(FakeReply.text(reply));

            ModelResponse response = ask("hi");

            assertThat(response.content()).isEqualTo(reply);
            assertThat(model.server().requests().get(0).streaming()).isTrue();
            synchronized (pieces) {
                assertThat(pieces.toString()).isEqualTo(reply);
            }
        }
    }
}
