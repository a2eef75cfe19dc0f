package io.tzurot.core.preset;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The effective model configuration for one user and personality, with the tier of every value.
 *
 * @param visionModel or null
 * @param presetId the preset that supplied the model, or null for the built-in
 * @param presetName its name, or null for the built-in
 * @param sources tier of each {@link PresetParameter}; unset parameters report {@link PresetSource#BUILT_IN}
 */
public record ResolvedPreset(String model, String visionModel, int contextWindowTokens, AdvancedParameters parameters,
                             UUID presetId, String presetName, Map<PresetParameter, PresetSource> sources) {

    public ResolvedPreset {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(parameters, "parameters");
        EnumMap<PresetParameter, PresetSource> copy = new EnumMap<>(PresetParameter.class);
        copy.putAll(sources);
        sources = Collections.unmodifiableMap(copy);
    }

    /** The tier the model came from. */
    public PresetSource source() {
        return sourceOf(PresetParameter.MODEL);
    }

    public PresetSource sourceOf(PresetParameter parameter) {
        return sources.getOrDefault(parameter, PresetSource.BUILT_IN);
    }

    public Optional<String> vision() {
        return Optional.ofNullable(visionModel);
    }
}
