package io.tzurot.core.reply;

import io.tzurot.core.model.ModelParameters;
import io.tzurot.core.preset.AdvancedParameters;
import io.tzurot.core.preset.PresetParameter;
import io.tzurot.core.preset.ResolvedPreset;
import io.tzurot.core.settings.ResolvedSettings;
import io.tzurot.core.settings.SettingKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads single resolved values by key, for the flight record's "value and the tier it came from" view. */
final class CascadeValues {

    private CascadeValues() {
    }

    static Object setting(ResolvedSettings s, SettingKey key) {
        return s.value(key);
    }

    static Object preset(ResolvedPreset preset, PresetParameter parameter) {
        AdvancedParameters p = preset.parameters();
        return switch (parameter) {
            case MODEL -> preset.model();
            case VISION_MODEL -> preset.visionModel();
            case CONTEXT_WINDOW_TOKENS -> preset.contextWindowTokens();
            case TEMPERATURE -> p.temperature();
            case TOP_P -> p.topP();
            case TOP_K -> p.topK();
            case FREQUENCY_PENALTY -> p.frequencyPenalty();
            case PRESENCE_PENALTY -> p.presencePenalty();
            case REPETITION_PENALTY -> p.repetitionPenalty();
            case MIN_P -> p.minP();
            case TOP_A -> p.topA();
            case SEED -> p.seed();
            case MAX_TOKENS -> p.maxTokens();
            case STOP -> p.stop();
            case LOGIT_BIAS -> p.logitBias();
            case RESPONSE_FORMAT -> p.responseFormat();
            case SHOW_THINKING -> p.showThinking();
            case REASONING -> p.reasoning();
            case TRANSFORMS -> p.transforms();
            case ROUTE -> p.route();
            case VERBOSITY -> p.verbosity();
        };
    }

    /** The parameters actually sent, without the unset ones. */
    static Map<String, Object> sent(ModelParameters p) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "temperature", p.temperature());
        put(out, "top_p", p.topP());
        put(out, "top_k", p.topK());
        put(out, "min_p", p.minP());
        put(out, "top_a", p.topA());
        put(out, "frequency_penalty", p.frequencyPenalty());
        put(out, "presence_penalty", p.presencePenalty());
        put(out, "repetition_penalty", p.repetitionPenalty());
        put(out, "seed", p.seed());
        put(out, "max_tokens", p.maxTokens());
        put(out, "stop", p.stop());
        put(out, "logit_bias", p.logitBias());
        put(out, "response_format", p.responseFormat() == null ? null : p.responseFormat().wireName());
        put(out, "reasoning", p.reasoning() == null ? null : p.reasoning().toString());
        put(out, "transforms", p.transforms());
        put(out, "route", p.route());
        put(out, "verbosity", p.verbosity() == null ? null : p.verbosity().wireName());
        return out;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
