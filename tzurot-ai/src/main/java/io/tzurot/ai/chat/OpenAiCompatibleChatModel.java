package io.tzurot.ai.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.tzurot.ai.retry.ErrorClassifier;
import io.tzurot.ai.retry.Retrier;
import io.tzurot.core.model.ChatModel;
import io.tzurot.core.model.FinishReason;
import io.tzurot.core.model.ModelCallException;
import io.tzurot.core.model.ModelError;
import io.tzurot.core.model.ModelRequest;
import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.model.ModelStream;
import io.tzurot.core.model.TokenUsage;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ChatModel} on LangChain4j's OpenAI module against any OpenAI-compatible API (OpenRouter by
 * default; Ollama, vLLM, ...). Calls go through {@link OpenAiStreamingChatModel}, LangChain4j's only
 * asynchronous path, over a non-blocking SSE reader: a request waiting for its model holds no thread,
 * so in-flight calls are bounded by sockets and memory, not threads. Content pieces are passed on to a
 * {@link ModelStream} as they arrive. A LangChain4j model is built per
 * attempt (cheap: it only wires objects) because key, base URL and the response tap differ per call;
 * the JDK HTTP client and its connection pool are shared. Returned futures complete on the HTTP
 * client's few callback threads: continuations that block must hop to their own executor.
 */
public final class OpenAiCompatibleChatModel implements ChatModel {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiCompatibleChatModel.class);

    private final ChatModelConfig config;
    private final HttpClient http;
    private final Retrier retrier;
    private final ObjectMapper json = new ObjectMapper();

    public OpenAiCompatibleChatModel(ChatModelConfig config) {
        this(config, defaultHttpClient());
    }

    /**
     * A JDK client whose callbacks run on a small fixed pool: waiting requests use no thread at all, and a
     * burst of simultaneous answers is parsed by a few threads instead of a thread per response (the JDK's
     * default cached pool would grow to one per burst element). Built on its first call, so a process that never asks
     * a model pays nothing for it at start-up.
     */
    public static HttpClient defaultHttpClient() {
        return io.tzurot.ai.http.LazyHttpClient.of(OpenAiCompatibleChatModel::newHttpClient);
    }

    private static HttpClient newHttpClient() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "tzurot-llm-http-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    /** With a caller-supplied JDK client (shared pools, proxies). */
    public OpenAiCompatibleChatModel(ChatModelConfig config, HttpClient http) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.retrier = new Retrier(config.retryPolicy(), ErrorClassifier::classify);
    }

    @Override
    public CompletableFuture<ModelResponse> generate(ModelRequest request, String apiKey, Optional<String> baseUrl) {
        return generate(request, apiKey, baseUrl, ModelStream.NONE);
    }

    @Override
    public CompletableFuture<ModelResponse> generate(ModelRequest request, String apiKey, Optional<String> baseUrl,
                                                     ModelStream stream) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(stream, "stream");
        if (apiKey == null || apiKey.isBlank()) {
            return CompletableFuture.failedFuture(new ModelCallException(new ModelError.Unauthorized("no API key")));
        }
        String url = baseUrl.map(ChatModelConfig::normalizeBaseUrl).orElse(config.defaultBaseUrl());
        long start = System.nanoTime();
        // only the latest attempt may speak: a timed-out one can still deliver a piece before its connection closes
        AtomicInteger current = new AtomicInteger();
        return retrier.run("chat " + request.model(), attempt -> {
            current.set(attempt.number());
            if (attempt.number() > 1) {
                stream.restart();
            }
            return attempt(request, apiKey, url, attempt, start, stream == ModelStream.NONE, text -> {
                if (current.get() == attempt.number()) {
                    stream.partial(text);
                }
            });
        });
    }

    /** One try; {@code whole}: nobody follows the text, so the answer is asked for whole rather than streamed. */
    private CompletableFuture<ModelResponse> attempt(ModelRequest request, String apiKey, String url,
                                                     Retrier.Attempt attempt, long start, boolean whole,
                                                     Consumer<String> partials) {
        ResponseTap tap = new ResponseTap(json);
        TappingHttpClient client = new TappingHttpClient(http, attempt.timeout(), tap, json, whole);
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(url)
                .apiKey(apiKey)
                .httpClientBuilder(new TappingHttpClient.Builder(client))
                .customHeaders(attributionHeaders())
                .timeout(attempt.timeout())
                .build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(RequestMapper.toChatRequest(request), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                if (partialResponse != null && !partialResponse.isEmpty()) {
                    try {
                        partials.accept(partialResponse);
                    } catch (RuntimeException e) {
                        LOG.warn("stream listener failed: {}", e.toString()); // a slow reader must never cost the reply
                    }
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(withRetryAfter(error, tap));
            }
        });
        CompletableFuture<ModelResponse> result =
                done.thenApply(response -> toModelResponse(request, response, tap, attempt.number(), start));
        // the retrier times out `result`; a timed-out or failed attempt must release its connection
        result.whenComplete((response, failure) -> {
            if (failure != null) {
                tap.cancel();
            }
        });
        return result;
    }

    private Map<String, String> attributionHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        config.appUrl().ifPresent(u -> headers.put("HTTP-Referer", u));
        config.appTitle().ifPresent(t -> headers.put("X-Title", t));
        return headers;
    }

    /** HTTP errors are classified here, where the Retry-After header captured by the tap is known. */
    private static Throwable withRetryAfter(Throwable error, ResponseTap tap) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                return new ModelCallException(ErrorClassifier.fromStatus(http.statusCode(), http.getMessage(),
                        tap.retryAfter()), error);
            }
        }
        return error;
    }

    private static ModelResponse toModelResponse(ModelRequest request, ChatResponse response, ResponseTap tap,
                                                 int attempts, long start) {
        tap.streamError().ifPresent(error -> {
            throw new ModelCallException(error);
        });
        String content = response.aiMessage() == null || response.aiMessage().text() == null
                ? "" : response.aiMessage().text();
        Optional<String> reasoning = tap.reasoning().or(() -> Optional.ofNullable(
                response.aiMessage() == null ? null : response.aiMessage().thinking()).filter(t -> !t.isBlank()));
        if (content.isBlank() && reasoning.isEmpty()) {
            throw new ModelCallException(new ModelError.BadResponse("LLM returned empty response"));
        }
        if (content.trim().equals("ext")) {
            // Gemini's censorship marker: the reference retries it like an empty reply
            throw new ModelCallException(new ModelError.BadResponse("censored (ext)"));
        }
        FinishReason finish = tap.finishReason().map(FinishReason::fromWire).orElseGet(() -> fromLangChain(response));
        Optional<TokenUsage> usage = Optional.ofNullable(response.tokenUsage())
                .filter(u -> u.inputTokenCount() != null && u.outputTokenCount() != null)
                .map(u -> new TokenUsage(u.inputTokenCount(), u.outputTokenCount()));
        String modelUsed = Optional.ofNullable(response.modelName()).filter(m -> !m.isBlank())
                .or(tap::model).orElse(request.model());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LOG.debug("chat {} answered by {} in {} ms after {} attempt(s)", request.model(), modelUsed,
                elapsed.toMillis(), attempts);
        return new ModelResponse(content, reasoning, finish, usage, modelUsed, elapsed, attempts);
    }

    private static FinishReason fromLangChain(ChatResponse response) {
        if (response.finishReason() == null) {
            return FinishReason.UNREPORTED;
        }
        switch (response.finishReason()) {
            case STOP:
                return FinishReason.STOP;
            case LENGTH:
                return FinishReason.LENGTH;
            case CONTENT_FILTER:
                return FinishReason.CONTENT_FILTER;
            case TOOL_EXECUTION:
                return FinishReason.TOOL_CALLS;
            default:
                return FinishReason.OTHER;
        }
    }
}
