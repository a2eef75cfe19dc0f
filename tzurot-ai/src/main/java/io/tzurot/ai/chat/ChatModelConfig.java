package io.tzurot.ai.chat;

import io.tzurot.ai.retry.RetryPolicy;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the OpenAI-compatible chat client: the default base URL (OpenRouter), OpenRouter's
 * attribution headers ({@code HTTP-Referer}, {@code X-Title}) and the retry policy.
 */
public record ChatModelConfig(String defaultBaseUrl, Optional<String> appUrl, Optional<String> appTitle,
                              RetryPolicy retryPolicy) {

    /** OpenRouter's API root. */
    public static final String OPENROUTER_BASE_URL = "https://openrouter.ai/api/v1";

    public ChatModelConfig {
        defaultBaseUrl = normalizeBaseUrl(defaultBaseUrl);
        Objects.requireNonNull(appUrl, "appUrl");
        // header values must be ASCII; the reference strips the rest too
        appTitle = Objects.requireNonNull(appTitle, "appTitle").map(t -> t.replaceAll("[^\\x20-\\x7E]", "").trim())
                .filter(t -> !t.isEmpty());
        Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    /** OpenRouter, no attribution headers, the reference retry policy. */
    public static ChatModelConfig defaults() {
        return new ChatModelConfig(OPENROUTER_BASE_URL, Optional.empty(), Optional.empty(), RetryPolicy.CHAT);
    }

    /** The same settings with another default base URL. */
    public ChatModelConfig withBaseUrl(String baseUrl) {
        return new ChatModelConfig(baseUrl, appUrl, appTitle, retryPolicy);
    }

    /** The same settings with another retry policy. */
    public ChatModelConfig withRetryPolicy(RetryPolicy policy) {
        return new ChatModelConfig(defaultBaseUrl, appUrl, appTitle, policy);
    }

    /** Checks that {@code baseUrl} is an absolute http(s) URL and drops a trailing slash. */
    public static String normalizeBaseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("base URL must not be blank");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("base URL is not a valid URI: " + baseUrl, e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("base URL must be an absolute http(s) URL: " + baseUrl);
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
