package io.tzurot.core.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A freshly issued one-time login link: the secret to print once at start-up and when it stops
 * working. {@link #toString()} never includes the secret.
 */
public record LoginLink(String secret, Instant expiresAt) {

    public LoginLink {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The link to print, e.g. {@code http://127.0.0.1:8080/login/…}; {@code baseUrl} has no trailing slash. */
    public String url(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/login/" + secret;
    }

    @Override
    public String toString() {
        return "LoginLink[secret=****, expiresAt=" + expiresAt + "]";
    }
}
