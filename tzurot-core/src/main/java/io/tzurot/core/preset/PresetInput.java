package io.tzurot.core.preset;

/**
 * What a person asks a preset to be, before any check: raw text (null or blank optional fields are unset),
 * the context window (null: {@link PresetDraft#DEFAULT_CONTEXT_WINDOW}), visibility and sampling parameters.
 */
public record PresetInput(String name, String description, String provider, String model, String visionModel,
                          Integer contextWindowTokens, boolean isGlobal, AdvancedParameters advancedParameters) {

    /** An empty input for a new private preset. */
    public static PresetInput blank() {
        return new PresetInput(null, null, null, null, null, null, false, AdvancedParameters.NONE);
    }

    /** The input that describes {@code p} as it is. */
    public static PresetInput of(Preset p) {
        return new PresetInput(p.name(), p.description(), p.provider(), p.model(), p.visionModel(),
                p.contextWindowTokens(), p.isGlobal(), p.advancedParameters());
    }

    public PresetInput withName(String value) {
        return new PresetInput(value, description, provider, model, visionModel, contextWindowTokens, isGlobal,
                advancedParameters);
    }

    public PresetInput withDescription(String value) {
        return new PresetInput(name, value, provider, model, visionModel, contextWindowTokens, isGlobal, advancedParameters);
    }

    public PresetInput withProvider(String value) {
        return new PresetInput(name, description, value, model, visionModel, contextWindowTokens, isGlobal, advancedParameters);
    }

    public PresetInput withModel(String value) {
        return new PresetInput(name, description, provider, value, visionModel, contextWindowTokens, isGlobal,
                advancedParameters);
    }

    public PresetInput withVisionModel(String value) {
        return new PresetInput(name, description, provider, model, value, contextWindowTokens, isGlobal, advancedParameters);
    }

    public PresetInput withContextWindowTokens(Integer value) {
        return new PresetInput(name, description, provider, model, visionModel, value, isGlobal, advancedParameters);
    }

    public PresetInput withGlobal(boolean value) {
        return new PresetInput(name, description, provider, model, visionModel, contextWindowTokens, value,
                advancedParameters);
    }

    public PresetInput withAdvancedParameters(AdvancedParameters value) {
        return new PresetInput(name, description, provider, model, visionModel, contextWindowTokens, isGlobal, value);
    }
}
