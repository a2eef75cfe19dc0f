package io.tzurot.core.usage;

import java.util.Objects;

/**
 * Summed usage of one user, character or model over a period.
 *
 * @param key the user's or character's id, or the model name
 * @param name how to show it: the user's Discord id, the character's slug, the model name ("(none)" for rows
 *             logged without a character)
 */
public record UsageGroup(String key, String name, long requests, long tokensIn, long tokensOut) {

    public UsageGroup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }

    /** Prompt plus completion tokens. */
    public long tokens() {
        return tokensIn + tokensOut;
    }
}
