package io.tzurot.core.preset;

import io.tzurot.core.text.TextRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Validated preset fields (spec §4). The upper bound of the context window depends on the model's
 * metadata and is checked where that metadata is known.
 */
public record PresetDraft(String name, String description, boolean isGlobal, String provider, String model,
                          String visionModel, AdvancedParameters advancedParameters, int contextWindowTokens) {

    public static final String DEFAULT_PROVIDER = "openrouter";
    public static final int DEFAULT_CONTEXT_WINDOW = 131_072;

    public PresetDraft {
        name = name == null ? "" : name.trim();
        model = model == null ? "" : model.trim();
        description = description == null || description.isBlank() ? null : description.trim();
        provider = provider == null || provider.isBlank() ? DEFAULT_PROVIDER : provider.trim();
        visionModel = visionModel == null || visionModel.isBlank() ? null : visionModel.trim();
        advancedParameters = advancedParameters == null ? AdvancedParameters.NONE : advancedParameters;
        List<String> problems = new ArrayList<>();
        if (name.isEmpty() || TextRules.length(name) > 100) {
            problems.add("name must be 1-100 characters");
        }
        if (model.isEmpty() || TextRules.length(model) > 200) {
            problems.add("model must be 1-200 characters");
        }
        if (description != null && TextRules.length(description) > 500) {
            problems.add("description must be at most 500 characters");
        }
        if (TextRules.length(provider) > 20) {
            problems.add("provider must be at most 20 characters");
        }
        if (visionModel != null && TextRules.length(visionModel) > 200) {
            problems.add("visionModel must be at most 200 characters");
        }
        if (contextWindowTokens < 1000) {
            problems.add("contextWindowTokens must be at least 1000");
        }
        if (advancedParameters.reasoningBudgetExceedsMaxTokens()) {
            problems.add("reasoning.max_tokens must be below max_tokens");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid preset: " + String.join("; ", problems));
        }
    }

    /** A private OpenRouter preset with no advanced parameters and the default context window. */
    public static PresetDraft of(String name, String model) {
        return new PresetDraft(name, null, false, DEFAULT_PROVIDER, model, null, AdvancedParameters.NONE, DEFAULT_CONTEXT_WINDOW);
    }

    public PresetDraft withGlobal(boolean global) {
        return new PresetDraft(name, description, global, provider, model, visionModel, advancedParameters, contextWindowTokens);
    }

    public PresetDraft withAdvancedParameters(AdvancedParameters parameters) {
        return new PresetDraft(name, description, isGlobal, provider, model, visionModel, parameters, contextWindowTokens);
    }
}
