package io.tzurot.ai.audio;

import io.tzurot.ai.chat.ChatModelConfig;
import io.tzurot.ai.retry.ErrorClassifier;
import io.tzurot.ai.retry.Retrier;
import io.tzurot.ai.retry.RetryPolicy;
import io.tzurot.core.model.AudioClip;
import io.tzurot.core.model.ModelCallException;
import io.tzurot.core.model.ModelError;
import io.tzurot.core.model.Transcriber;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Transcriber} for OpenAI-compatible {@code POST {base}/audio/transcriptions} (Whisper and
 * look-alikes), multipart with {@code response_format=text}. Written on {@link HttpClient#sendAsync}
 * rather than LangChain4j's blocking OpenAiAudioTranscriptionModel, so waiting holds no thread; retried
 * under {@link RetryPolicy#TRANSCRIPTION} like chat calls.
 */
public final class OpenAiTranscriber implements Transcriber {

    /** OpenAI's API root, where Whisper lives (OpenRouter has no transcription endpoint). */
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    private final String defaultBaseUrl;
    private final HttpClient http;
    private final Retrier retrier;

    public OpenAiTranscriber(String defaultBaseUrl, RetryPolicy policy) {
        this(defaultBaseUrl, policy, io.tzurot.ai.http.LazyHttpClient.of(
                () -> HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build()));
    }

    public OpenAiTranscriber(String defaultBaseUrl, RetryPolicy policy, HttpClient http) {
        this.defaultBaseUrl = ChatModelConfig.normalizeBaseUrl(defaultBaseUrl);
        this.retrier = new Retrier(Objects.requireNonNull(policy, "policy"), ErrorClassifier::classify);
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public CompletableFuture<String> transcribe(AudioClip audio, String model, Optional<String> language,
                                                String apiKey, Optional<String> baseUrl) {
        Objects.requireNonNull(audio, "audio");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("transcription model must not be blank");
        }
        if (apiKey == null || apiKey.isBlank()) {
            return CompletableFuture.failedFuture(new ModelCallException(new ModelError.Unauthorized("no API key")));
        }
        URI uri = URI.create(baseUrl.map(ChatModelConfig::normalizeBaseUrl).orElse(defaultBaseUrl) + "/audio/transcriptions");
        MultipartBody body = new MultipartBody()
                .field("model", model)
                .field("response_format", "text");
        language.filter(l -> !l.isBlank()).ifPresent(l -> body.field("language", l));
        body.file("file", audio.fileName(), audio.mimeType(), audio.bytes());
        return retrier.run("transcription " + model, attempt -> {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(attempt.timeout())
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", body.contentType())
                    .POST(body.publisher())
                    .build();
            CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            CompletableFuture<String> text = sent.thenApply(response -> {
                if (response.statusCode() / 100 != 2) {
                    throw new ModelCallException(ErrorClassifier.fromStatus(response.statusCode(), response.body(),
                            ErrorClassifier.retryAfter(response.headers().firstValue("retry-after"))));
                }
                String transcript = response.body().trim();
                if (transcript.isEmpty()) {
                    throw new ModelCallException(new ModelError.BadResponse("empty transcript"));
                }
                return transcript;
            });
            text.whenComplete((value, failure) -> {
                if (failure != null) {
                    sent.cancel(true);
                }
            });
            return text;
        });
    }
}
