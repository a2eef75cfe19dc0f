package io.tzurot.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tzurot.core.model.ChatModel;
import io.tzurot.core.model.ModelCallException;
import io.tzurot.core.model.ModelError;
import io.tzurot.core.model.ModelRequest;
import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.model.ModelStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts and times chat calls: {@code tzurot_model_requests_total{provider,status}} (status is {@code ok}, the
 * HTTP status of a failure, or its kind when there was none: {@code timeout}, {@code network}, ...),
 * {@code tzurot_model_request_seconds{provider}} and {@code tzurot_model_tokens_total{provider,kind}}. The
 * provider is the operator-configured base URL's host, so the label set stays as small as the configuration.
 */
final class MeteredChatModel implements ChatModel {

    private final ChatModel delegate;
    private final MeterRegistry registry;
    private final String defaultProvider;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Meters> providers = new ConcurrentHashMap<>();

    /** The per-provider meters, made once per provider. */
    private record Meters(Timer time, Counter promptTokens, Counter completionTokens) {
    }

    MeteredChatModel(ChatModel delegate, MeterRegistry registry, String defaultBaseUrl) {
        this.delegate = delegate;
        this.registry = registry;
        this.defaultProvider = provider(defaultBaseUrl);
        meters(defaultProvider);
        requestCounter(defaultProvider, "ok");
    }

    @Override
    public CompletableFuture<ModelResponse> generate(ModelRequest request, String apiKey, Optional<String> baseUrl) {
        return generate(request, apiKey, baseUrl, ModelStream.NONE);
    }

    @Override
    public CompletableFuture<ModelResponse> generate(ModelRequest request, String apiKey, Optional<String> baseUrl,
                                                     ModelStream stream) {
        String provider = baseUrl.map(MeteredChatModel::provider).orElse(defaultProvider);
        long started = System.nanoTime();
        CompletableFuture<ModelResponse> call;
        try {
            call = delegate.generate(request, apiKey, baseUrl, stream);
        } catch (RuntimeException e) {
            record(provider, started, null, e);
            throw e;
        }
        return call.whenComplete((response, error) -> record(provider, started, response, error));
    }

    private void record(String provider, long started, ModelResponse response, Throwable error) {
        Meters meters = meters(provider);
        meters.time().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        requestCounter(provider, error == null ? "ok" : status(error)).increment();
        if (response != null) {
            response.usage().ifPresent(usage -> {
                meters.promptTokens().increment(usage.promptTokens());
                meters.completionTokens().increment(usage.completionTokens());
            });
        }
    }

    /** The status label of a failed call. */
    static String status(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ModelCallException call) {
            ModelError e = call.error();
            return e.statusCode().isPresent() ? Integer.toString(e.statusCode().getAsInt()) : snake(e.category());
        }
        return "error";
    }

    /** {@code BadResponse} → {@code bad_response}. */
    private static String snake(String category) {
        return category.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The provider label of a base URL: a short name for the well-known ones, else the host. */
    static String provider(String baseUrl) {
        String host;
        try {
            host = URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host == null) {
            return "unknown";
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith("openrouter.ai")) {
            return "openrouter";
        }
        if (host.endsWith("openai.com")) {
            return "openai";
        }
        return host;
    }

    private Counter requestCounter(String provider, String status) {
        return requests.computeIfAbsent(provider + '\u0000' + status, k -> Counter.builder("tzurot.model.requests")
                .tag("provider", provider).tag("status", status)
                .description("Chat model calls (after the adapter's own retries) by provider and status")
                .register(registry));
    }

    private Meters meters(String provider) {
        return providers.computeIfAbsent(provider, p -> new Meters(
                Timer.builder("tzurot.model.request").tag("provider", p)
                        .description("Chat model call time, retries included")
                        .serviceLevelObjectives(MeteredReplies.BUCKETS).register(registry),
                tokens(p, "prompt"), tokens(p, "completion")));
    }

    private Counter tokens(String provider, String kind) {
        return Counter.builder("tzurot.model.tokens").tag("provider", provider).tag("kind", kind)
                .description("Tokens the provider reported using").register(registry);
    }
}
