package io.tzurot.core.preset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Optional sampling and provider parameters of a preset (spec §2.1 {@code advanced_parameters}),
 * stored as snake_case JSON. Every field is null when unset; the constructor rejects values out of range.
 */
public record AdvancedParameters(Double temperature, Double topP, Integer topK, Double frequencyPenalty,
                                 Double presencePenalty, Double repetitionPenalty, Double minP, Double topA,
                                 Long seed, Integer maxTokens, List<String> stop, Map<String, Double> logitBias,
                                 ResponseFormat responseFormat, Boolean showThinking, Reasoning reasoning,
                                 List<String> transforms, String route, Verbosity verbosity) {

    /** No parameters at all. */
    public static final AdvancedParameters NONE = new AdvancedParameters(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null);

    public AdvancedParameters {
        stop = stop == null ? null : List.copyOf(stop);
        transforms = transforms == null ? null : List.copyOf(transforms);
        logitBias = logitBias == null ? null : Map.copyOf(logitBias);
        List<String> problems = new ArrayList<>();
        range(problems, "temperature", temperature, 0, 2);
        range(problems, "top_p", topP, 0, 1);
        if (topK != null && topK < 0) {
            problems.add("top_k must be >= 0");
        }
        range(problems, "frequency_penalty", frequencyPenalty, -2, 2);
        range(problems, "presence_penalty", presencePenalty, -2, 2);
        range(problems, "repetition_penalty", repetitionPenalty, 0, 2);
        range(problems, "min_p", minP, 0, 1);
        range(problems, "top_a", topA, 0, 1);
        if (maxTokens != null && maxTokens <= 0) {
            problems.add("max_tokens must be > 0");
        }
        if (logitBias != null) {
            logitBias.forEach((token, bias) -> range(problems, "logit_bias[" + token + "]", bias, -100, 100));
        }
        if (route != null && !route.equals("fallback")) {
            problems.add("route must be 'fallback'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid advanced parameters: " + String.join("; ", problems));
        }
    }

    /** True when a reasoning budget is set that does not fit below max_tokens (checked when a preset is saved). */
    public boolean reasoningBudgetExceedsMaxTokens() {
        return reasoning != null && reasoning.maxTokens() != null && maxTokens != null && reasoning.maxTokens() >= maxTokens;
    }

    private static void range(List<String> problems, String name, Double value, double min, double max) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            problems.add(name + " must be from " + min + " to " + max);
        }
    }

    /** The output format the model is asked for. */
    public enum ResponseFormat {
        TEXT, JSON_OBJECT;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How verbose the model should be. */
    public enum Verbosity {
        LOW, MEDIUM, HIGH;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reasoning effort levels of OpenRouter's {@code reasoning} parameter. */
    public enum ReasoningEffort {
        XHIGH, HIGH, MEDIUM, LOW, MINIMAL, NONE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * OpenRouter's reasoning settings.
     *
     * @param maxTokens reasoning budget, 1024-32000
     */
    public record Reasoning(ReasoningEffort effort, Integer maxTokens, Boolean exclude, Boolean enabled) {
        public Reasoning {
            if (maxTokens != null && (maxTokens < 1024 || maxTokens > 32000)) {
                throw new IllegalArgumentException("reasoning.max_tokens must be from 1024 to 32000");
            }
        }
    }
}
