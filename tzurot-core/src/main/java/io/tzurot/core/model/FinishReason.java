package io.tzurot.core.model;

import java.util.Locale;

/** Why the model stopped generating, normalised from the provider's string. */
public enum FinishReason {
    /** Natural end of the answer (or a stop sequence). */
    STOP,
    /** The output-token limit was hit. */
    LENGTH,
    /** A content filter cut the answer. */
    CONTENT_FILTER,
    /** The model asked for a tool. */
    TOOL_CALLS,
    /** The provider reported an error mid-generation. */
    ERROR,
    /** The provider said "unknown": typically a stalled or aborted upstream generation. */
    UNKNOWN,
    /** The provider reported nothing. */
    UNREPORTED,
    /** Any other value. */
    OTHER;

    /** The reason for a provider string such as "stop", "end_turn", "length", "unknown"; null means unreported. */
    public static FinishReason fromWire(String raw) {
        if (raw == null || raw.isBlank()) {
            return UNREPORTED;
        }
        switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "stop":
            case "end_turn":
            case "stop_sequence":
            case "eos":
            case "end":
                return STOP;
            case "length":
            case "max_tokens":
                return LENGTH;
            case "content_filter":
            case "safety":
                return CONTENT_FILTER;
            case "tool_calls":
            case "function_call":
            case "tool_use":
                return TOOL_CALLS;
            case "error":
                return ERROR;
            case "unknown":
                return UNKNOWN;
            default:
                return OTHER;
        }
    }
}
