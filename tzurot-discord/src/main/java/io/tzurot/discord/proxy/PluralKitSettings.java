package io.tzurot.discord.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How PluralKit is consulted ({@code TZUROT_PLURALKIT} on).
 *
 * @param baseUrl {@code TZUROT_PLURALKIT_BASE_URL}, the API base, e.g. {@code https://api.pluralkit.me/v2}
 * @param grace {@code TZUROT_PLURALKIT_GRACE_MS}: how long a person's server message waits before it is handled, so
 *     one PluralKit deletes to repost through a webhook is dropped instead of answered
 */
public record PluralKitSettings(URI baseUrl, Duration grace) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.pluralkit.me/v2");
    public static final Duration DEFAULT_GRACE = Duration.ofMillis(1500);

    public PluralKitSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(grace, "grace");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme();
        if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("the PluralKit base URL must be an absolute http/https URL, got '"
                    + baseUrl + "'");
        }
        if (grace.isNegative() || grace.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("the PluralKit grace period must be 0-10000 ms, got " + grace.toMillis());
        }
        String text = baseUrl.toString();
        baseUrl = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUrl;
    }

    /** The public PluralKit API with the default grace period. */
    public static PluralKitSettings defaults() {
        return new PluralKitSettings(DEFAULT_BASE_URL, DEFAULT_GRACE);
    }
}
