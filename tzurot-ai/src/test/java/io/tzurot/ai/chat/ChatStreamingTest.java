package io.tzurot.ai.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.model.ModelMessage;
import io.tzurot.core.model.ModelRequest;
import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.model.ModelStream;
import io.tzurot.testkit.model.FakeModelServerExtension;
import io.tzurot.testkit.model.FakeReply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The content pieces reach a {@link ModelStream} as they arrive; a retried call starts the stream over. */
class ChatStreamingTest {

    @RegisterExtension
    static final FakeModelServerExtension model = new FakeModelServerExtension();
    OpenAiCompatibleChatModel chat;

    @BeforeEach
    void setUp() {
        chat = new OpenAiCompatibleChatModel(ChatModelConfig.defaults().withBaseUrl(model.server().baseUrl())
                .withRetryPolicy(ChatRequestMappingTest.FAST));
    }

    /** Records pieces and restarts. */
    private static final class Recorder implements ModelStream {
        final List<String> pieces = new CopyOnWriteArrayList<>();
        final AtomicInteger restarts = new AtomicInteger();

        @Override
        public void partial(String text) {
            pieces.add(text);
        }

        @Override
        public void restart() {
            restarts.incrementAndGet();
            pieces.clear();
        }
    }

    private ModelResponse ask(ModelStream stream) {
        return chat.generate(new ModelRequest("vendor/m", List.of(ModelMessage.user("hi")), null), "sk-test",
                Optional.empty(), stream).join();
    }

    @Test
    void piecesArriveOneByOneAndAddUpToTheContent() {
        String text = "A reply long enough to arrive in several pieces of the stream, one after another.";
        model.server().streamPace(Duration.ofMillis(20)).enqueue(FakeReply.text(text));
        Recorder stream = new Recorder();

        ModelResponse response = ask(stream);

        assertThat(response.content()).isEqualTo(text);
        assertThat(stream.pieces).hasSizeGreaterThanOrEqualTo(3);
        assertThat(String.join("", stream.pieces)).isEqualTo(text);
        assertThat(stream.restarts).hasValue(0);
    }

    @Test
    void aRetriedCallStartsTheStreamOver() {
        model.server().enqueue(FakeReply.error(503), FakeReply.text("Second time lucky, friend."));
        Recorder stream = new Recorder();

        ModelResponse response = ask(stream);

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(stream.restarts).hasValue(1);
        assertThat(String.join("", stream.pieces)).isEqualTo("Second time lucky, friend.");
    }
}
