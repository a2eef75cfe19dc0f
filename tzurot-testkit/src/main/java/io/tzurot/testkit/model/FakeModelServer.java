package io.tzurot.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An OpenAI-compatible model server on an ephemeral 127.0.0.1 port: {@code POST /v1/chat/completions}
 * (JSON or SSE when {@code stream:true}), {@code POST /v1/audio/transcriptions} (multipart) and
 * {@code GET /v1/models}. Replies come from a queue of scripted replies, else from a responder function
 * (default: echo the last user message). Delayed replies are completed by one scheduler thread and
 * Jetty's async requests, so a thousand slow requests in flight hold no thread each.
 */
public final class FakeModelServer implements AutoCloseable {

    private static final String CHAT = "/v1/chat/completions";
    private static final String TRANSCRIPTIONS = "/v1/audio/transcriptions";
    private static final FakeReply.Failure UNAUTHORIZED = FakeReply.error(401, "invalid api key");

    private final ObjectMapper json = new ObjectMapper();
    private final FakeResponses responses = new FakeResponses(json);
    private final Queue<FakeReply> scripted = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final Javalin app;
    private volatile Function<RecordedRequest, FakeReply> responder = FakeModelServer::defaultReply;
    private volatile String requiredApiKey;
    private volatile List<String> models = List.of("fake/echo", "fake/vision");
    private volatile Set<String> imageModels = Set.of("fake/vision");
    private volatile Set<String> unlabelledModels = Set.of();
    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    /** Pause between streamed events; zero sends each stream in one write. */
    private volatile Duration streamPace = Duration.ZERO;

    private FakeModelServer() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-model-server-delays");
            t.setDaemon(true);
            return t;
        });
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = 64L * 1024 * 1024;
            config.http.asyncTimeout = TimeUnit.MINUTES.toMillis(10);
        });
        app.post(CHAT, this::chat);
        app.post(TRANSCRIPTIONS, this::transcription);
        app.get("/v1/models", ctx -> {
            if (!authorized(ctx)) {
                send(ctx, 401, "application/json", responses.error(UNAUTHORIZED));
                return;
            }
            send(ctx, 200, "application/json", responses.models(models, imageModels, unlabelledModels));
        });
    }

    /** Starts a server on an ephemeral port of 127.0.0.1. */
    public static FakeModelServer start() {
        FakeModelServer server = new FakeModelServer();
        server.app.start("127.0.0.1", 0);
        return server;
    }

    /** Base URL to configure clients with, ending in {@code /v1} (no trailing slash). */
    public String baseUrl() {
        return "http://127.0.0.1:" + app.port() + "/v1";
    }

    /** Queues replies answered in order before the responder is asked. */
    public FakeModelServer enqueue(FakeReply... replies) {
        scripted.addAll(List.of(replies));
        return this;
    }

    /** Answers every request the queue does not cover with {@code function}. */
    public FakeModelServer respondWith(Function<RecordedRequest, FakeReply> function) {
        responder = Objects.requireNonNull(function, "function");
        return this;
    }

    /** Rejects requests (chat, transcription, model list) whose bearer token differs from {@code apiKey} with 401 (null accepts any). */
    public FakeModelServer requireApiKey(String apiKey) {
        requiredApiKey = apiKey;
        return this;
    }

    /** Model ids listed by {@code GET /v1/models}. */
    public FakeModelServer models(List<String> ids) {
        models = List.copyOf(ids);
        return this;
    }

    /**
     * The listed models that accept images: their {@code architecture.input_modalities} is {@code ["text","image"]},
     * the others' {@code ["text"]}. Default: {@code fake/vision}.
     */
    public FakeModelServer imageModels(Set<String> ids) {
        imageModels = Set.copyOf(ids);
        return this;
    }

    /** Listed models without {@code architecture} (as local providers list them): their modalities are unknown. */
    public FakeModelServer unlabelledModels(Set<String> ids) {
        unlabelledModels = Set.copyOf(ids);
        return this;
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The last request received. */
    public RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("the fake model server has received no request");
        }
        return requests.get(requests.size() - 1);
    }

    /** Holds every reply (after its delay) until {@link #releaseReplies()}: lets tests fill the server. */
    public FakeModelServer holdReplies() {
        if (gate.isDone()) {
            gate = new CompletableFuture<>();
        }
        return this;
    }

    /** Lets held replies go. */
    public FakeModelServer releaseReplies() {
        gate.complete(null);
        return this;
    }

    /** Requests currently waiting for their reply. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most requests that were ever waiting at the same time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /**
     * Streams every later streamed reply slowly: each SSE event is written and flushed on its own, {@code pace}
     * after the previous one, so clients see the content arrive piece by piece. Zero (the default) writes a stream
     * at once.
     */
    public FakeModelServer streamPace(Duration pace) {
        if (pace == null || pace.isNegative()) {
            throw new IllegalArgumentException("pace must be zero or positive, got " + pace);
        }
        streamPace = pace;
        return this;
    }

    /** Forgets queued replies, recorded requests, the responder, the key, the stream pace and the peak counter. */
    public void reset() {
        streamPace = Duration.ZERO;
        scripted.clear();
        requests.clear();
        responder = FakeModelServer::defaultReply;
        requiredApiKey = null;
        releaseReplies();
        maxInFlight.set(inFlight.get());
    }

    @Override
    public void close() {
        app.stop();
        scheduler.shutdownNow();
    }

    private void chat(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            body = MissingNode.getInstance();
        }
        RecordedRequest recorded = record(ctx, body == null ? MissingNode.getInstance() : body, Map.of(), Map.of());
        if (!recorded.body().isObject()) {
            answer(ctx, FakeReply.error(400, "request body is not a JSON object"), recorded);
            return;
        }
        answer(ctx, nextReply(ctx, recorded), recorded);
    }

    private void transcription(Context ctx) {
        Map<String, String> fields = new HashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!values.isEmpty()) {
                fields.put(name, values.get(0));
            }
        });
        Map<String, Integer> files = new HashMap<>();
        for (UploadedFile file : ctx.uploadedFiles()) {
            files.put(file.filename(), (int) file.size());
        }
        RecordedRequest recorded = record(ctx, MissingNode.getInstance(), fields, files);
        if (files.isEmpty() || !fields.containsKey("model")) {
            answer(ctx, FakeReply.error(400, "multipart needs a file and a model"), recorded);
            return;
        }
        answer(ctx, nextReply(ctx, recorded), recorded);
    }

    private RecordedRequest record(Context ctx, JsonNode body, Map<String, String> fields, Map<String, Integer> files) {
        Map<String, String> headers = new HashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        RecordedRequest recorded = new RecordedRequest(ctx.method().name(), ctx.path(), headers, body, fields, files);
        requests.add(recorded);
        return recorded;
    }

    private FakeReply nextReply(Context ctx, RecordedRequest recorded) {
        if (!authorized(ctx)) {
            return UNAUTHORIZED;
        }
        FakeReply reply = scripted.poll();
        return reply != null ? reply : responder.apply(recorded);
    }

    private boolean authorized(Context ctx) {
        String key = requiredApiKey;
        return key == null || ("Bearer " + key).equals(ctx.header("Authorization"));
    }

    private void answer(Context ctx, FakeReply reply, RecordedRequest recorded) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        CompletableFuture<Void> held = gate;
        ctx.future(() -> held.thenCompose(v -> after(reply.delay())).thenCompose(v -> {
            CompletableFuture<Void> written;
            try {
                written = write(ctx, reply, recorded);
            } catch (RuntimeException e) {
                written = CompletableFuture.failedFuture(e);
            }
            return written.whenComplete((x, e) -> inFlight.decrementAndGet());
        }));
    }

    private CompletableFuture<Void> after(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.schedule(() -> done.complete(null), delay.toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }

    private CompletableFuture<Void> write(Context ctx, FakeReply reply, RecordedRequest recorded) {
        CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
        if (reply instanceof FakeReply.Failure failure) {
            if (failure.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Integer.toString(failure.retryAfterSeconds()));
            }
            send(ctx, failure.status(), "application/json", responses.error(failure));
            return done;
        }
        if (reply instanceof FakeReply.Raw raw) {
            send(ctx, raw.status(), raw.contentType(), raw.body());
            return done;
        }
        FakeReply.Completion completion = (FakeReply.Completion) reply;
        if (recorded.path().endsWith("/transcriptions")) {
            writeTranscript(ctx, completion, recorded);
            return done;
        }
        String id = "chatcmpl-fake-" + ids.incrementAndGet();
        String model = completion.model() != null ? completion.model() : recorded.body().path("model").asText("fake/echo");
        if (recorded.streaming()) {
            boolean usage = recorded.body().path("stream_options").path("include_usage").asBoolean(false);
            String sse = responses.stream(id, model, completion, usage);
            Duration pace = streamPace;
            if (!pace.isZero()) {
                return paced(ctx, sse, pace);
            }
            send(ctx, 200, "text/event-stream", sse);
        } else {
            send(ctx, 200, "application/json", responses.completion(id, model, completion));
        }
        return done;
    }

    /** Writes the stream's events one by one, flushed, {@code pace} apart; completes after the last one. */
    private CompletableFuture<Void> paced(Context ctx, String sse, Duration pace) {
        ctx.status(200).contentType("text/event-stream; charset=utf-8");
        List<String> events = List.of(sse.split("(?<=\n\n)"));
        CompletableFuture<Void> done = new CompletableFuture<>();
        writeEvent(ctx, events, 0, pace, done);
        return done;
    }

    private void writeEvent(Context ctx, List<String> events, int index, Duration pace, CompletableFuture<Void> done) {
        try {
            var out = ctx.res().getOutputStream();
            out.write(events.get(index).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        if (index + 1 == events.size()) {
            done.complete(null);
            return;
        }
        scheduler.schedule(() -> writeEvent(ctx, events, index + 1, pace, done), pace.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void writeTranscript(Context ctx, FakeReply.Completion completion, RecordedRequest recorded) {
        String format = recorded.formFields().getOrDefault("response_format", "json");
        if (format.equals("text")) {
            send(ctx, 200, "text/plain", completion.content());
        } else {
            send(ctx, 200, "application/json", json.createObjectNode().put("text", completion.content()).toString());
        }
    }

    /** Always UTF-8, declared, whatever the container's default charset. */
    private static void send(Context ctx, int status, String contentType, String body) {
        String type = contentType.contains("charset") ? contentType : contentType + "; charset=utf-8";
        ctx.status(status).contentType(type).result(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static FakeReply defaultReply(RecordedRequest request) {
        if (request.path().endsWith("/transcriptions")) {
            return FakeReply.text("Transcript of " + new ArrayList<>(request.files().keySet()));
        }
        String text = request.lastUserText();
        return FakeReply.text("Echo: " + text).withUsage(Math.max(1, text.length() / 4), 2 + text.length() / 4);
    }
}
