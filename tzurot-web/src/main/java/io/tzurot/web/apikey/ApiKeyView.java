package io.tzurot.web.apikey;

import io.tzurot.core.apikey.ApiKey;

/** A stored key's metadata; the key itself never leaves storage through the web. */
public record ApiKeyView(String provider, boolean active, String createdAt, String updatedAt, String lastUsedAt) {

    public static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.provider(), key.active(), String.valueOf(key.createdAt()),
                key.updatedAt() == null ? null : key.updatedAt().toString(),
                key.lastUsedAt() == null ? null : key.lastUsedAt().toString());
    }
}
