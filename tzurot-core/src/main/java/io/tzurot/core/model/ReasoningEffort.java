package io.tzurot.core.model;

import java.util.Locale;

/** OpenRouter reasoning effort levels, with the max_tokens the reference uses when a preset sets none. */
public enum ReasoningEffort {
    XHIGH(65536),
    HIGH(32768),
    MEDIUM(16384),
    LOW(8192),
    MINIMAL(6144),
    NONE(4096);

    private final int defaultMaxTokens;

    ReasoningEffort(int defaultMaxTokens) {
        this.defaultMaxTokens = defaultMaxTokens;
    }

    /** max_tokens for a reasoning model whose preset names an effort but no max_tokens. */
    public int defaultMaxTokens() {
        return defaultMaxTokens;
    }

    /** The level's name in request bodies. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive). */
    public static ReasoningEffort fromWire(String value) {
        for (ReasoningEffort effort : values()) {
            if (effort.wireName().equalsIgnoreCase(value)) {
                return effort;
            }
        }
        throw new IllegalArgumentException("unknown reasoning effort: " + value);
    }
}
