package io.tzurot.core.access;

import java.util.Objects;

/**
 * A token just created: its metadata and the secret, which exists only here, is shown once and is
 * stored as a SHA-256 hash. {@link #toString()} never includes the secret.
 */
public record IssuedApiToken(ApiToken token, String secret) {

    public IssuedApiToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedApiToken[token=" + token + ", secret=****]";
    }
}
