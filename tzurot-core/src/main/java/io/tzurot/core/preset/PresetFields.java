package io.tzurot.core.preset;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.text.TextRules;
import io.tzurot.core.text.TextRules.Lines;

/** The preset's fields with their limits (spec datamodel §4) and the one check of them. */
public final class PresetFields {

    /** Longest name, in characters. */
    public static final int MAX_NAME = 100;
    /** Longest description, in characters. */
    public static final int MAX_DESCRIPTION = 500;
    /** Longest provider name, in characters. */
    public static final int MAX_PROVIDER = 20;
    /** Smallest context window, in tokens. */
    public static final int MIN_CONTEXT_WINDOW = 1000;
    /** Largest context window, in tokens. */
    public static final int MAX_CONTEXT_WINDOW = 10_000_000;

    private PresetFields() {
    }

    /** The validated draft, checking the fields in form order. */
    static PresetDraft draft(PresetInput in) {
        String name = TextRules.required("name", in.name(), MAX_NAME, Lines.SINGLE);
        String description = TextRules.optional("description", in.description(), MAX_DESCRIPTION, Lines.MULTI)
                .orElse(null);
        String provider = TextRules.optional("provider", in.provider(), MAX_PROVIDER, Lines.SINGLE).orElse(null);
        String model = ModelIds.require("model", in.model());
        String vision = in.visionModel() == null || in.visionModel().isBlank() ? null
                : ModelIds.require("visionModel", in.visionModel());
        int window = in.contextWindowTokens() == null ? PresetDraft.DEFAULT_CONTEXT_WINDOW : in.contextWindowTokens();
        if (window < MIN_CONTEXT_WINDOW || window > MAX_CONTEXT_WINDOW) {
            throw DomainException.invalid("contextWindowTokens", "'contextWindowTokens' must be a whole number from "
                    + MIN_CONTEXT_WINDOW + " to " + MAX_CONTEXT_WINDOW + ".");
        }
        AdvancedParameters params = in.advancedParameters() == null ? AdvancedParameters.NONE : in.advancedParameters();
        if (params.reasoningBudgetExceedsMaxTokens()) {
            throw DomainException.invalid("advancedParameters", "'advancedParameters': reasoning.max_tokens must be"
                    + " below max_tokens.");
        }
        return new PresetDraft(name, description, in.isGlobal(), provider, model, vision, params, window);
    }
}
