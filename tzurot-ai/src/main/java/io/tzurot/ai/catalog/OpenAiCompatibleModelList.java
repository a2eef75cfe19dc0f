package io.tzurot.ai.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.ai.chat.ChatModelConfig;
import io.tzurot.core.model.ModelListing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code GET {baseUrl}/models} for people browsing models: id, name, context length, image input and
 * whether it is free ({@code :free} id or zero prompt and completion prices, as OpenRouter lists them). Kept ten
 * minutes per base URL; a failure is logged and gives an empty list (tried again after a minute).
 */
public final class OpenAiCompatibleModelList implements ModelListing {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiCompatibleModelList.class);
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration FAILURE_TTL = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY_CHARS = 32 * 1024 * 1024;

    private record Cached(List<ModelInfo> models, Instant until) {
    }

    private final HttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Cached> byBaseUrl = new ConcurrentHashMap<>();

    public OpenAiCompatibleModelList(HttpClient http, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static OpenAiCompatibleModelList create(Clock clock) {
        return new OpenAiCompatibleModelList(io.tzurot.ai.http.LazyHttpClient.of(
                () -> HttpClient.newBuilder().connectTimeout(TIMEOUT).build()), clock);
    }

    @Override
    public List<ModelInfo> list(String baseUrl, Optional<String> apiKey) {
        Instant now = clock.instant();
        Cached cached = byBaseUrl.get(baseUrl);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.models();
        }
        List<ModelInfo> models;
        Duration ttl = TTL;
        try {
            models = fetch(baseUrl, apiKey);
        } catch (IOException | RuntimeException e) {
            LOG.warn("model list of {} not read ({}); tried again in a minute", baseUrl, e.getMessage());
            models = List.of();
            ttl = FAILURE_TTL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        byBaseUrl.put(baseUrl, new Cached(models, now.plus(ttl)));
        return models;
    }

    private List<ModelInfo> fetch(String baseUrl, Optional<String> apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ChatModelConfig.normalizeBaseUrl(baseUrl)
                + "/models")).timeout(TIMEOUT).GET().header("Accept", "application/json");
        apiKey.filter(k -> !k.isBlank()).ifPresent(k -> request.header("Authorization", "Bearer " + k));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        if (response.body().length() > MAX_BODY_CHARS) {
            throw new IllegalStateException("model list too large");
        }
        return parse(response.body());
    }

    List<ModelInfo> parse(String body) throws IOException {
        List<ModelInfo> out = new ArrayList<>();
        for (JsonNode model : json.readTree(body).path("data")) {
            String id = model.path("id").asText("");
            if (id.isEmpty()) {
                continue;
            }
            boolean vision = false;
            for (JsonNode m : model.path("architecture").path("input_modalities")) {
                vision |= "image".equals(m.asText());
            }
            JsonNode pricing = model.path("pricing");
            boolean zeroPrice = pricing.isObject() && isZero(pricing.path("prompt")) && isZero(pricing.path("completion"));
            out.add(new ModelInfo(id, model.path("name").asText(id), model.path("context_length").asInt(0), vision,
                    id.endsWith(":free") || zeroPrice));
        }
        return List.copyOf(out);
    }

    private static boolean isZero(JsonNode price) {
        try {
            return !price.isMissingNode() && Double.parseDouble(price.asText("1")) == 0.0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
