package io.tzurot.core.preset;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves the preset cascade (spec §2.1). Stage A: the personality's preset, or - only when the
 * personality has no link - the global default, each value falling back to the built-in. Stage B: the
 * user x personality preset, else the user's default preset, replaces the model and overrides every
 * other value it sets ({@code override[key] ?? personality[key]}).
 */
public final class PresetCascade {

    private final BuiltInPreset builtIn;

    public PresetCascade(BuiltInPreset builtIn) {
        this.builtIn = Objects.requireNonNull(builtIn, "builtIn");
    }

    /** Resolves from the presets found at each tier (empty where a tier has none). */
    public ResolvedPreset resolve(Optional<Preset> userPersonality, Optional<Preset> userDefault,
                                  Optional<Preset> personalityDefault, Optional<Preset> adminDefault) {
        EnumMap<PresetParameter, Object> values = new EnumMap<>(PresetParameter.class);
        EnumMap<PresetParameter, PresetSource> sources = new EnumMap<>(PresetParameter.class);
        values.put(PresetParameter.MODEL, builtIn.model());
        values.put(PresetParameter.TEMPERATURE, builtIn.temperature());
        values.put(PresetParameter.CONTEXT_WINDOW_TOKENS, builtIn.contextWindowTokens());
        for (PresetParameter p : PresetParameter.values()) {
            sources.put(p, PresetSource.BUILT_IN);
        }
        Preset modelPreset = null;
        // stage A: no per-field blend between the personality's link and the global default
        Map.Entry<PresetSource, Preset> base = personalityDefault.map(p -> Map.entry(PresetSource.PERSONALITY, p))
                .or(() -> adminDefault.map(p -> Map.entry(PresetSource.ADMIN_DEFAULT, p)))
                .orElse(null);
        // stage B: only the highest user tier applies
        Map.Entry<PresetSource, Preset> override = userPersonality.map(p -> Map.entry(PresetSource.USER_PERSONALITY, p))
                .or(() -> userDefault.map(p -> Map.entry(PresetSource.USER_DEFAULT, p)))
                .orElse(null);
        for (Map.Entry<PresetSource, Preset> layer : Arrays.asList(base, override)) {
            if (layer == null) {
                continue;
            }
            modelPreset = layer.getValue();
            for (PresetParameter p : PresetParameter.values()) {
                Object value = p.readFrom(layer.getValue());
                if (value != null) {
                    values.put(p, value);
                    sources.put(p, layer.getKey());
                }
            }
        }
        return new ResolvedPreset(
                (String) values.get(PresetParameter.MODEL),
                (String) values.get(PresetParameter.VISION_MODEL),
                (Integer) values.get(PresetParameter.CONTEXT_WINDOW_TOKENS),
                parameters(values),
                modelPreset == null ? null : modelPreset.id(),
                modelPreset == null ? null : modelPreset.name(),
                sources);
    }

    @SuppressWarnings("unchecked")
    private static AdvancedParameters parameters(Map<PresetParameter, Object> v) {
        return new AdvancedParameters(
                (Double) v.get(PresetParameter.TEMPERATURE),
                (Double) v.get(PresetParameter.TOP_P),
                (Integer) v.get(PresetParameter.TOP_K),
                (Double) v.get(PresetParameter.FREQUENCY_PENALTY),
                (Double) v.get(PresetParameter.PRESENCE_PENALTY),
                (Double) v.get(PresetParameter.REPETITION_PENALTY),
                (Double) v.get(PresetParameter.MIN_P),
                (Double) v.get(PresetParameter.TOP_A),
                (Long) v.get(PresetParameter.SEED),
                (Integer) v.get(PresetParameter.MAX_TOKENS),
                (List<String>) v.get(PresetParameter.STOP),
                (Map<String, Double>) v.get(PresetParameter.LOGIT_BIAS),
                (AdvancedParameters.ResponseFormat) v.get(PresetParameter.RESPONSE_FORMAT),
                (Boolean) v.get(PresetParameter.SHOW_THINKING),
                (AdvancedParameters.Reasoning) v.get(PresetParameter.REASONING),
                (List<String>) v.get(PresetParameter.TRANSFORMS),
                (String) v.get(PresetParameter.ROUTE),
                (AdvancedParameters.Verbosity) v.get(PresetParameter.VERBOSITY));
    }
}
