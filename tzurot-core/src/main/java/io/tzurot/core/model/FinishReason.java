package io.tzurot.core.model;

import java.util.Locale;

/** Why the model stopped generating. */
public enum FinishReason {
    /** Natural end or a stop sequence. */
    STOP,
    /** max_tokens reached. */
    LENGTH,
    /** The provider's content filter cut the reply. */
    CONTENT_FILTER,
    /** The model asked for a tool call (never requested by Tzurot). */
    TOOL_CALLS,
    /** The provider gave no reason or one we do not know. */
    OTHER;

    /** Maps an OpenAI-style {@code finish_reason} string; null or unknown values become OTHER. */
    public static FinishReason fromWire(String value) {
        if (value == null) {
            return OTHER;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "stop":
            case "eos":
            case "end_turn":
            case "stop_sequence":
                return STOP;
            case "length":
            case "max_tokens":
                return LENGTH;
            case "content_filter":
                return CONTENT_FILTER;
            case "tool_calls":
            case "function_call":
            case "tool_use":
                return TOOL_CALLS;
            default:
                return OTHER;
        }
    }
}
