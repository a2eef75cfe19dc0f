package io.tzurot.core.model;

/**
 * OpenRouter's {@code reasoning} request object; every field is optional (null = not sent).
 * When both effort and maxTokens are set only effort is sent, as OpenRouter accepts one of them.
 */
public record Reasoning(ReasoningEffort effort, Integer maxTokens, Boolean exclude, Boolean enabled) {

    public Reasoning {
        if (maxTokens != null && (maxTokens < 1024 || maxTokens > 32000)) {
            throw new IllegalArgumentException("reasoning.max_tokens must be within 1024..32000, was " + maxTokens);
        }
    }

    /** Reasoning with only an effort level. */
    public static Reasoning ofEffort(ReasoningEffort effort) {
        return new Reasoning(effort, null, null, null);
    }

    /** Whether nothing at all is set, so the object is not worth sending. */
    public boolean isEmpty() {
        return effort == null && maxTokens == null && exclude == null && enabled == null;
    }
}
