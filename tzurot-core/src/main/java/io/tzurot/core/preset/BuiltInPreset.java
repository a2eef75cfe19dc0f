package io.tzurot.core.preset;

import java.util.Objects;

/** The values used when no preset supplies them (spec §2.1 hardcoded fallbacks). */
public record BuiltInPreset(String model, double temperature, int contextWindowTokens) {

    public static final String DEFAULT_MODEL = "anthropic/claude-haiku-4.5";

    /** {@code anthropic/claude-haiku-4.5}, temperature 0.7, 131 072 tokens. */
    public static final BuiltInPreset DEFAULT = new BuiltInPreset(DEFAULT_MODEL, 0.7, PresetDraft.DEFAULT_CONTEXT_WINDOW);

    public BuiltInPreset {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("built-in model must not be blank");
        }
    }

    /** The default values with another model (for {@code TZUROT_DEFAULT_MODEL}). */
    public static BuiltInPreset withModel(String model) {
        return new BuiltInPreset(model, DEFAULT.temperature, DEFAULT.contextWindowTokens);
    }
}
