package io.tzurot.web.api;

import io.tzurot.core.access.ApiToken;

/** A token as the API and the console show it: metadata only, never the secret or its hash. */
public record TokenView(String id, String label, String hint, boolean owner, String discordId, String createdAt,
                        String lastUsedAt) {

    public static TokenView of(ApiToken token) {
        return new TokenView(token.id().toString(), token.label(), token.hint(), token.owner(), token.discordId(),
                token.createdAt().toString(), token.lastUsedAt().map(Object::toString).orElse(null));
    }
}
