package io.tzurot.ai.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.ai.chat.ChatModelConfig;
import io.tzurot.core.model.ModelCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code GET {baseUrl}/models} (OpenRouter lists {@code architecture.input_modalities}) and keeps the answer
 * per base URL: an hour when it was read, a minute when it could not be (then every model counts as not accepting
 * images). Concurrent callers share one request. Models listed without modalities (local providers) are unknown.
 */
public final class OpenAiCompatibleModelCatalog implements ModelCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiCompatibleModelCatalog.class);
    public static final Duration TTL = Duration.ofHours(1);
    public static final Duration FAILURE_TTL = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY_CHARS = 32 * 1024 * 1024;

    /** One read of the list; {@code read} false when it failed (then {@code models} is empty). */
    private record Listing(Map<String, Boolean> models, boolean read) {
    }

    private record Entry(CompletableFuture<Listing> listing, Instant fetchedAt) {
        boolean freshAt(Instant now) {
            if (!listing.isDone()) {
                return true; // in flight: share it
            }
            Duration ttl = listing.join().read() ? TTL : FAILURE_TTL;
            return now.isBefore(fetchedAt.plus(ttl));
        }
    }

    private final HttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Entry> byBaseUrl = new ConcurrentHashMap<>();

    public OpenAiCompatibleModelCatalog(HttpClient http, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A catalog with its own HTTP client. */
    public static OpenAiCompatibleModelCatalog create(Clock clock) {
        return new OpenAiCompatibleModelCatalog(io.tzurot.ai.http.LazyHttpClient.of(
                () -> HttpClient.newBuilder().connectTimeout(TIMEOUT).build()), clock);
    }

    @Override
    public CompletableFuture<Boolean> acceptsImages(String model, String baseUrl, Optional<String> apiKey) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Instant now = clock.instant();
        Entry entry = byBaseUrl.compute(baseUrl, (url, old) -> old != null && old.freshAt(now)
                ? old : new Entry(fetch(url, apiKey), now));
        return entry.listing().thenApply(listing -> listing.models().getOrDefault(model,
                listing.models().getOrDefault(withoutVariant(model), false)));
    }

    private CompletableFuture<Listing> fetch(String baseUrl, Optional<String> apiKey) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(ChatModelConfig.normalizeBaseUrl(baseUrl) + "/models")).timeout(TIMEOUT).GET()
                    .header("Accept", "application/json");
        } catch (IllegalArgumentException e) {
            return failed(baseUrl, "bad base URL: " + e.getMessage());
        }
        apiKey.filter(k -> !k.isBlank()).ifPresent(k -> request.header("Authorization", "Bearer " + k));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    if (response.body().length() > MAX_BODY_CHARS) {
                        throw new IllegalStateException("model list too large");
                    }
                    return new Listing(parse(response.body()), true);
                })
                .exceptionallyCompose(error -> failed(baseUrl, String.valueOf(error.getMessage())));
    }

    private static CompletableFuture<Listing> failed(String baseUrl, String why) {
        LOG.warn("model list of {} not read ({}); models count as text-only for a minute", baseUrl, why);
        return CompletableFuture.completedFuture(new Listing(Map.of(), false));
    }

    /** Model id → accepts images, for every listed model that declares its input modalities. */
    Map<String, Boolean> parse(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("model list is not JSON", e);
        }
        Map<String, Boolean> out = new HashMap<>();
        for (JsonNode model : root.path("data")) {
            String id = model.path("id").asText("");
            JsonNode modalities = model.path("architecture").path("input_modalities");
            if (id.isEmpty() || !modalities.isArray()) {
                continue; // unknown modalities: leave the model out, so it counts as not accepting images
            }
            boolean image = false;
            for (JsonNode m : modalities) {
                image |= "image".equals(m.asText());
            }
            out.put(id, image);
        }
        return out;
    }

    private static String withoutVariant(String model) {
        int colon = model.indexOf(':');
        return colon < 0 ? model : model.substring(0, colon);
    }
}
