package io.tzurot.core.preset;

import java.util.function.Function;

/** Every value the preset cascade resolves, with how to read it from a preset. */
public enum PresetParameter {
    MODEL(Preset::model),
    VISION_MODEL(Preset::visionModel),
    CONTEXT_WINDOW_TOKENS(p -> p.contextWindowTokens()),
    TEMPERATURE(p -> p.advancedParameters().temperature()),
    TOP_P(p -> p.advancedParameters().topP()),
    TOP_K(p -> p.advancedParameters().topK()),
    FREQUENCY_PENALTY(p -> p.advancedParameters().frequencyPenalty()),
    PRESENCE_PENALTY(p -> p.advancedParameters().presencePenalty()),
    REPETITION_PENALTY(p -> p.advancedParameters().repetitionPenalty()),
    MIN_P(p -> p.advancedParameters().minP()),
    TOP_A(p -> p.advancedParameters().topA()),
    SEED(p -> p.advancedParameters().seed()),
    MAX_TOKENS(p -> p.advancedParameters().maxTokens()),
    STOP(p -> p.advancedParameters().stop()),
    LOGIT_BIAS(p -> p.advancedParameters().logitBias()),
    RESPONSE_FORMAT(p -> p.advancedParameters().responseFormat()),
    SHOW_THINKING(p -> p.advancedParameters().showThinking()),
    REASONING(p -> p.advancedParameters().reasoning()),
    TRANSFORMS(p -> p.advancedParameters().transforms()),
    ROUTE(p -> p.advancedParameters().route()),
    VERBOSITY(p -> p.advancedParameters().verbosity());

    private final Function<Preset, Object> reader;

    PresetParameter(Function<Preset, Object> reader) {
        this.reader = reader;
    }

    /** The preset's own value, or null when it leaves the parameter unset. */
    public Object readFrom(Preset preset) {
        return reader.apply(preset);
    }
}
