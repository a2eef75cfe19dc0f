package io.tzurot.core.model;

import java.util.List;
import java.util.Map;

/**
 * Sampling and provider parameters of one chat request; every field is optional (null = not sent, so
 * the provider's default applies). Ranges follow the preset schema (spec pipeline.md §5.1).
 */
public record ModelParameters(
        Double temperature,
        Double topP,
        Integer topK,
        Double minP,
        Double topA,
        Double frequencyPenalty,
        Double presencePenalty,
        Double repetitionPenalty,
        Integer seed,
        Integer maxTokens,
        List<String> stop,
        Map<String, Integer> logitBias,
        ResponseFormat responseFormat,
        Reasoning reasoning,
        List<String> transforms,
        String route,
        Verbosity verbosity) {

    /** No parameters: the provider's defaults. */
    public static final ModelParameters DEFAULTS = builder().build();

    public ModelParameters {
        within("temperature", temperature, 0, 2);
        within("top_p", topP, 0, 1);
        within("min_p", minP, 0, 1);
        within("top_a", topA, 0, 1);
        within("frequency_penalty", frequencyPenalty, -2, 2);
        within("presence_penalty", presencePenalty, -2, 2);
        within("repetition_penalty", repetitionPenalty, 0, 2);
        if (topK != null && topK < 0) {
            throw new IllegalArgumentException("top_k must be >= 0, was " + topK);
        }
        if (maxTokens != null && maxTokens <= 0) {
            throw new IllegalArgumentException("max_tokens must be > 0, was " + maxTokens);
        }
        stop = stop == null ? null : List.copyOf(stop);
        transforms = transforms == null ? null : List.copyOf(transforms);
        logitBias = logitBias == null ? null : Map.copyOf(logitBias);
        if (logitBias != null) {
            logitBias.forEach((token, bias) -> {
                if (bias < -100 || bias > 100) {
                    throw new IllegalArgumentException("logit_bias for " + token + " must be within -100..100, was " + bias);
                }
            });
        }
        if (route != null && !route.equals("fallback")) {
            throw new IllegalArgumentException("route must be 'fallback', was " + route);
        }
        if (reasoning != null && reasoning.isEmpty()) {
            reasoning = null;
        }
    }

    private static void within(String name, Double value, double min, double max) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + value);
        }
    }

    /** A builder starting from no parameters. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these parameters. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.temperature = temperature;
        b.topP = topP;
        b.topK = topK;
        b.minP = minP;
        b.topA = topA;
        b.frequencyPenalty = frequencyPenalty;
        b.presencePenalty = presencePenalty;
        b.repetitionPenalty = repetitionPenalty;
        b.seed = seed;
        b.maxTokens = maxTokens;
        b.stop = stop;
        b.logitBias = logitBias;
        b.responseFormat = responseFormat;
        b.reasoning = reasoning;
        b.transforms = transforms;
        b.route = route;
        b.verbosity = verbosity;
        return b;
    }

    /** Fluent builder; validation happens in {@link #build()}. */
    public static final class Builder {
        private Double temperature;
        private Double topP;
        private Integer topK;
        private Double minP;
        private Double topA;
        private Double frequencyPenalty;
        private Double presencePenalty;
        private Double repetitionPenalty;
        private Integer seed;
        private Integer maxTokens;
        private List<String> stop;
        private Map<String, Integer> logitBias;
        private ResponseFormat responseFormat;
        private Reasoning reasoning;
        private List<String> transforms;
        private String route;
        private Verbosity verbosity;

        private Builder() {
        }

        public Builder temperature(Double v) { temperature = v; return this; }
        public Builder topP(Double v) { topP = v; return this; }
        public Builder topK(Integer v) { topK = v; return this; }
        public Builder minP(Double v) { minP = v; return this; }
        public Builder topA(Double v) { topA = v; return this; }
        public Builder frequencyPenalty(Double v) { frequencyPenalty = v; return this; }
        public Builder presencePenalty(Double v) { presencePenalty = v; return this; }
        public Builder repetitionPenalty(Double v) { repetitionPenalty = v; return this; }
        public Builder seed(Integer v) { seed = v; return this; }
        public Builder maxTokens(Integer v) { maxTokens = v; return this; }
        public Builder stop(List<String> v) { stop = v; return this; }
        public Builder logitBias(Map<String, Integer> v) { logitBias = v; return this; }
        public Builder responseFormat(ResponseFormat v) { responseFormat = v; return this; }
        public Builder reasoning(Reasoning v) { reasoning = v; return this; }
        public Builder transforms(List<String> v) { transforms = v; return this; }
        public Builder route(String v) { route = v; return this; }
        public Builder verbosity(Verbosity v) { verbosity = v; return this; }

        public ModelParameters build() {
            return new ModelParameters(temperature, topP, topK, minP, topA, frequencyPenalty, presencePenalty,
                    repetitionPenalty, seed, maxTokens, stop, logitBias, responseFormat, reasoning, transforms,
                    route, verbosity);
        }
    }
}
