package io.tzurot.ai.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tzurot.ai.retry.RetryPolicy;
import io.tzurot.core.model.AudioClip;
import io.tzurot.core.model.ModelCallException;
import io.tzurot.core.model.ModelError;
import io.tzurot.testkit.model.FakeModelServerExtension;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Audio goes out as OpenAI-style multipart; transcripts and errors come back classified. */
class OpenAiTranscriberTest {

    @RegisterExtension
    static final FakeModelServerExtension model = new FakeModelServerExtension();
    OpenAiTranscriber transcriber;
    final AudioClip clip = new AudioClip(new byte[] {0x4f, 0x67, 0x67, 0x53, 1, 2, 3, 4}, "voice-message.ogg", "audio/ogg");

    @BeforeEach
    void setUp() {
        transcriber = new OpenAiTranscriber(model.server().baseUrl(), new RetryPolicy(3, Duration.ofSeconds(20),
                Duration.ofSeconds(60), Duration.ofMillis(5), Duration.ofMillis(20)));
    }

    @Test
    void sendsMultipartWithModelLanguageAndTextFormat() {
        model.server().enqueue(FakeReply.text("  Hello there, how are you?\n"));

        String text = transcriber.transcribe(clip, "whisper-1", Optional.of("en"), "sk-audio", Optional.empty()).join();

        assertThat(text).isEqualTo("Hello there, how are you?");
        RecordedRequest recorded = model.server().lastRequest();
        assertThat(recorded.path()).isEqualTo("/v1/audio/transcriptions");
        assertThat(recorded.formFields()).containsEntry("model", "whisper-1").containsEntry("language", "en")
                .containsEntry("response_format", "text");
        assertThat(recorded.files()).containsEntry("voice-message.ogg", 8);
        assertThat(recorded.header("Authorization")).contains("Bearer sk-audio");
    }

    @Test
    void languageIsOptional() {
        transcriber.transcribe(clip, "whisper-1", Optional.empty(), "sk-audio", Optional.empty()).join();

        assertThat(model.server().lastRequest().formFields()).doesNotContainKey("language");
    }

    @Test
    void serverErrorsAreRetried() {
        model.server().enqueue(FakeReply.error(503), FakeReply.text("second try"));

        String text = transcriber.transcribe(clip, "whisper-1", Optional.empty(), "sk-audio", Optional.empty()).join();

        assertThat(text).isEqualTo("second try");
        assertThat(model.server().requests()).hasSize(2);
    }

    @Test
    void badKeyIsUnauthorizedWithoutRetry() {
        model.server().requireApiKey("sk-other");

        Throwable thrown = catchThrowable(() -> transcriber.transcribe(clip, "whisper-1", Optional.empty(),
                "sk-audio", Optional.empty()).join());

        assertThat(thrown.getCause()).isInstanceOfSatisfying(ModelCallException.class,
                e -> assertThat(e.error()).isInstanceOf(ModelError.Unauthorized.class));
        assertThat(model.server().requests()).hasSize(1);
    }
}
