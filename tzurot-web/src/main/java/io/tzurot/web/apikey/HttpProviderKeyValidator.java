package io.tzurot.web.apikey;

import io.tzurot.core.apikey.KeyCheck;
import io.tzurot.core.apikey.ProviderKeyValidator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a key against an OpenAI-compatible provider at {@code TZUROT_LLM_BASE_URL}: first
 * {@code GET /auth/key} (OpenRouter's key endpoint), and when the provider has no such endpoint,
 * {@code GET /models} with the key. 401 or 403 means the key is refused; 402 means it is valid but out
 * of credit, which is accepted (the user may top up later).
 */
public final class HttpProviderKeyValidator implements ProviderKeyValidator {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String provider;
    private final String baseUrl;
    private final HttpClient http;

    /**
     * @param provider the provider name keys are stored under, e.g. {@code openrouter}
     * @param baseUrl  the provider's API base, e.g. {@code https://openrouter.ai/api/v1}
     */
    public HttpProviderKeyValidator(String provider, URI baseUrl) {
        this(provider, baseUrl, newClient());
    }

    /** With {@code http} made by {@link #newClient()} (the application builds it on first use). */
    public HttpProviderKeyValidator(String provider, URI baseUrl, HttpClient http) {
        this.provider = Objects.requireNonNull(provider, "provider");
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = Objects.requireNonNull(http, "http");
    }

    /** The client a validator needs: a short connect timeout, and no redirect followed (a key goes nowhere else). */
    public static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Set<String> providers() {
        return Set.of(provider);
    }

    @Override
    public KeyCheck check(String provider, String apiKey) {
        try {
            int status = get("/auth/key", apiKey);
            if (status == 404 || status == 405) {
                status = get("/models", apiKey);
            }
            if (status >= 200 && status < 300 || status == 402) {
                return new KeyCheck.Accepted();
            }
            if (status == 401 || status == 403) {
                return new KeyCheck.Rejected("The provider refused this key (HTTP " + status + "); check that it was"
                        + " copied completely and is still active.");
            }
            return new KeyCheck.Unavailable("The provider answered HTTP " + status + " while checking the key.");
        } catch (IOException e) {
            String why = e instanceof java.net.http.HttpTimeoutException ? "it did not answer in time" : "the connection failed";
            return new KeyCheck.Unavailable("The provider could not be reached to check the key: " + why + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KeyCheck.Unavailable("Checking the key was interrupted.");
        }
    }

    private int get(String path, String apiKey) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public String toString() {
        return "HttpProviderKeyValidator[" + provider + " at " + baseUrl + "]";
    }
}
