package io.tzurot.ai.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.tzurot.ai.retry.ErrorClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * LangChain4j {@link HttpClient} over a shared {@link java.net.http.HttpClient}, built per call. SSE streams
 * are read with a non-blocking line subscriber, so a request waiting for its model holds no thread; every
 * event passes through the call's {@link ResponseTap} first. A 4xx whose JSON body still carries an
 * answer is turned into a one-event stream (spec pipeline.md §6.1). For a call nobody follows while it is written
 * ({@code whole}) the streaming request goes out with {@code "stream": false} and the JSON answer is handed to
 * LangChain4j as that same one-event stream: one body to parse instead of an event per token.
 */
final class TappingHttpClient implements HttpClient {

    /** A subscription for lines that are all there already. */
    private static final java.util.concurrent.Flow.Subscription LINES_AT_HAND = new java.util.concurrent.Flow.Subscription() {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    };

    private final java.net.http.HttpClient http;
    private final Duration requestTimeout;
    private final ResponseTap tap;
    private final ObjectMapper json;
    private final boolean whole;

    /** {@code whole}: ask for the whole answer at once (see the class comment). */
    TappingHttpClient(java.net.http.HttpClient http, Duration requestTimeout, ResponseTap tap, ObjectMapper json,
                      boolean whole) {
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.tap = tap;
        this.json = json;
        this.whole = whole;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(toJdk(request), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                tap.retryAfter(ErrorClassifier.retryAfter(response.headers().firstValue("retry-after")));
                throw new HttpException(response.statusCode(), response.body());
            }
            return success(response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model", e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventListener listener) {
        OnceListener once = new OnceListener(listener);
        if (whole) {
            askWhole(request, once);
        } else {
            stream(request, once);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        OnceListener once = new OnceListener(listener);
        if (whole) {
            askWhole(request, once);
            return;
        }
        if (parser instanceof DefaultServerSentEventParser) {
            stream(request, once);
            return;
        }
        // a custom parser needs an InputStream; it reads on the HTTP client's executor
        CompletableFuture<HttpResponse<InputStream>> sent = http.sendAsync(toJdk(request), HttpResponse.BodyHandlers.ofInputStream());
        tap.onCancel(() -> sent.cancel(true));
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                once.onError(unwrap(failure));
                return;
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    failed(response.statusCode(), response, new String(body.readAllBytes(), StandardCharsets.UTF_8), once);
                    return;
                }
                once.onOpen(success(response));
                parser.parse(body, once);
                once.onClose();
            } catch (IOException | RuntimeException e) {
                once.onError(e);
            }
        });
    }

    private void stream(HttpRequest request, OnceListener listener) {
        CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(toJdk(request), info -> {
            if (info.statusCode() / 100 == 2) {
                listener.onOpen(SuccessfulHttpResponse.builder().statusCode(info.statusCode())
                        .headers(info.headers().map()).build());
                return BodySubscribers.fromLineSubscriber(new SseLineSubscriber(listener, tap));
            }
            return BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                failed(info.statusCode(), info, body, listener);
                return null;
            });
        });
        tap.onCancel(() -> sent.cancel(true));
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                listener.onError(unwrap(failure));
            }
        });
    }

    private void askWhole(HttpRequest request, OnceListener listener) {
        java.net.http.HttpRequest sent;
        try {
            sent = toJdk(request, notStreamed(request.body()));
        } catch (IOException | RuntimeException e) {
            listener.onError(e);
            return;
        }
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(sent,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        tap.onCancel(() -> answer.cancel(true));
        answer.whenComplete((response, failure) -> {
            if (failure != null) {
                listener.onError(unwrap(failure));
            } else if (response.statusCode() / 100 != 2) {
                failed(response.statusCode(), response, response.body(), listener);
            } else {
                answered(response, listener);
            }
        });
    }

    /** The request's JSON body with {@code stream} off (and without the streaming-only {@code stream_options}). */
    private String notStreamed(String body) throws IOException {
        JsonNode node = json.readTree(body == null ? "" : body);
        if (!(node instanceof ObjectNode request)) {
            throw new IOException("a chat request body must be a JSON object");
        }
        request.put("stream", false);
        request.remove("stream_options");
        return json.writeValueAsString(request);
    }

    /** The whole answer as the one-event stream LangChain4j reads; a server that streamed anyway is read as a stream. */
    private void answered(HttpResponse<String> response, OnceListener listener) {
        String body = response.body() == null ? "" : response.body();
        if (response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")
                || body.stripLeading().startsWith("data:")) {
            listener.onOpen(success(response));
            SseLineSubscriber lines = new SseLineSubscriber(listener, tap);
            lines.onSubscribe(LINES_AT_HAND);
            body.lines().forEach(lines::onNext);
            lines.onComplete();
            return;
        }
        JsonNode completion;
        try {
            completion = json.readTree(body);
        } catch (IOException e) {
            listener.onError(new HttpException(502, "the model's answer is not JSON: "
                    + body.substring(0, Math.min(body.length(), 200))));
            return;
        }
        asOneEventStream(completion, success(response), listener);
    }

    /** A whole completion shown to the tap, then handed to LangChain4j as a stream of one chunk. */
    private void asOneEventStream(JsonNode completion, SuccessfulHttpResponse opened, OnceListener listener) {
        tap.observeCompletion(completion);
        listener.onOpen(opened);
        listener.onEvent(new ServerSentEvent(null, asChunk(completion)));
        listener.onEvent(new ServerSentEvent(null, "[DONE]"));
        listener.onClose();
    }

    private void failed(int status, HttpResponse.ResponseInfo info, String body, OnceListener listener) {
        tap.retryAfter(ErrorClassifier.retryAfter(info.headers().firstValue("retry-after")));
        if (status / 100 == 4) {
            JsonNode answer = answerInside(body);
            if (answer != null) {
                asOneEventStream(answer, SuccessfulHttpResponse.builder().statusCode(200).headers(info.headers().map())
                        .build(), listener);
                return;
            }
        }
        listener.onError(new HttpException(status, body));
    }

    private void failed(int status, HttpResponse<?> response, String body, OnceListener listener) {
        failed(status, new ResponseInfoOf(response), body, listener);
    }

    /** The completion inside a 4xx body, if its first choice has content or reasoning. */
    private JsonNode answerInside(String body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode message = node.path("choices").path(0).path("message");
            boolean hasText = !message.path("content").asText("").isBlank()
                    || !message.path("reasoning").asText("").isBlank();
            return hasText ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String asChunk(JsonNode completion) {
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", completion.path("id").asText("synthesized"));
        chunk.put("model", completion.path("model").asText(""));
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        JsonNode message = completion.path("choices").path(0).path("message");
        choice.putObject("delta").put("role", "assistant").put("content", message.path("content").asText(""));
        choice.put("finish_reason", completion.path("choices").path(0).path("finish_reason").asText("stop"));
        if (completion.path("usage").isObject()) {
            chunk.set("usage", completion.path("usage"));
        }
        return chunk.toString();
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        return toJdk(request, request.body());
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request, String body) {
        if (!request.formDataFiles().isEmpty() || !request.formDataFields().isEmpty()) {
            throw new IllegalArgumentException("multipart requests are not sent through the chat client");
        }
        URI uri = URI.create(request.url());
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri).timeout(requestTimeout);
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // plain-HTTP local servers (Ollama, the fake) do not speak h2c; skip the upgrade attempt
            builder.version(java.net.http.HttpClient.Version.HTTP_1_1);
        }
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        builder.method(request.method().name(), body == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return builder.build();
    }

    private static SuccessfulHttpResponse success(HttpResponse<?> response) {
        Object body = response.body();
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
                .body(body instanceof String text ? text : null).build();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Adapts a finished response to the ResponseInfo view used for errors. */
    private record ResponseInfoOf(HttpResponse<?> response) implements HttpResponse.ResponseInfo {
        public int statusCode() { return response.statusCode(); }
        public java.net.http.HttpHeaders headers() { return response.headers(); }
        public java.net.http.HttpClient.Version version() { return response.version(); }
    }

    /** Guarantees LangChain4j sees exactly one terminal signal (close or error) per exchange. */
    static final class OnceListener implements ServerSentEventListener {
        private final ServerSentEventListener delegate;
        private final AtomicBoolean finished = new AtomicBoolean();

        OnceListener(ServerSentEventListener delegate) {
            this.delegate = delegate;
        }

        @Override public void onOpen(SuccessfulHttpResponse response) { delegate.onOpen(response); }
        @Override public void onEvent(ServerSentEvent event) { delegate.onEvent(event); }
        @Override public void onEvent(ServerSentEvent event, dev.langchain4j.http.client.sse.ServerSentEventContext context) {
            delegate.onEvent(event, context);
        }

        @Override
        public void onError(Throwable error) {
            if (finished.compareAndSet(false, true)) {
                delegate.onError(error);
            }
        }

        @Override
        public void onClose() {
            if (finished.compareAndSet(false, true)) {
                delegate.onClose();
            }
        }
    }

    /** Builder handed to LangChain4j; the timeouts it sets are superseded by the call's own. */
    static final class Builder implements HttpClientBuilder {
        private final TappingHttpClient client;
        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(TappingHttpClient client) {
            this.client = client;
        }

        @Override public Duration connectTimeout() { return connectTimeout; }
        @Override public HttpClientBuilder connectTimeout(Duration timeout) { connectTimeout = timeout; return this; }
        @Override public Duration readTimeout() { return readTimeout; }
        @Override public HttpClientBuilder readTimeout(Duration timeout) { readTimeout = timeout; return this; }
        @Override public HttpClient build() { return client; }
    }
}
