package io.tzurot.core.portability.preset;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.preset.AdvancedParameters;
import io.tzurot.core.preset.AdvancedParameters.Reasoning;
import io.tzurot.core.preset.AdvancedParameters.ReasoningEffort;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The reference system's preset file (api.md §B.2): {@code name, description, provider, model, visionModel,
 * contextWindowTokens, advancedParameters{...}} with only the values that are set. Memory and history
 * settings, stop strings and provider routing are not part of it.
 */
public final class ReferencePresetJson {

    static final Set<String> TOP_LEVEL = Set.of("name", "description", "provider", "model", "visionModel",
            "contextWindowTokens", "advancedParameters");
    static final Set<String> PARAMETERS = Set.of("temperature", "top_p", "top_k", "max_tokens", "seed",
            "frequency_penalty", "presence_penalty", "repetition_penalty", "min_p", "top_a", "reasoning", "show_thinking",
            "stop");
    static final Set<String> REASONING = Set.of("effort", "max_tokens", "exclude", "enabled");

    private ReferencePresetJson() {
    }

    /** The export of {@code p}, keys in the reference's order. */
    public static Map<String, Object> of(Preset p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", p.name());
        put(out, "description", p.description());
        put(out, "provider", p.provider());
        out.put("model", p.model());
        put(out, "visionModel", p.visionModel());
        out.put("contextWindowTokens", p.contextWindowTokens());
        Map<String, Object> params = parameters(p.advancedParameters());
        if (!params.isEmpty()) {
            out.put("advancedParameters", params);
        }
        return out;
    }

    /** A file to fill in: every key with a placeholder or typical value. */
    public static Map<String, Object> template() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", "My preset");
        out.put("description", "What this preset is for");
        out.put("provider", "openrouter");
        out.put("model", "anthropic/claude-haiku-4.5");
        out.put("visionModel", "qwen/qwen3-vl-235b-a22b-instruct");
        out.put("contextWindowTokens", 131072);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("temperature", 0.7);
        params.put("top_p", 1.0);
        params.put("top_k", 0);
        params.put("max_tokens", 4096);
        params.put("seed", 42);
        params.put("frequency_penalty", 0.0);
        params.put("presence_penalty", 0.0);
        params.put("repetition_penalty", 1.0);
        params.put("min_p", 0.0);
        params.put("top_a", 0.0);
        Map<String, Object> reasoning = new LinkedHashMap<>();
        reasoning.put("effort", "medium");
        reasoning.put("exclude", false);
        reasoning.put("enabled", true);
        params.put("reasoning", reasoning);
        params.put("show_thinking", false);
        out.put("advancedParameters", params);
        return out;
    }

    /** The reference's snake_case parameters that are set. */
    static Map<String, Object> parameters(AdvancedParameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "temperature", p.temperature());
        put(m, "top_p", p.topP());
        put(m, "top_k", p.topK());
        put(m, "max_tokens", p.maxTokens());
        put(m, "seed", p.seed());
        put(m, "frequency_penalty", p.frequencyPenalty());
        put(m, "presence_penalty", p.presencePenalty());
        put(m, "repetition_penalty", p.repetitionPenalty());
        put(m, "min_p", p.minP());
        put(m, "top_a", p.topA());
        if (p.reasoning() != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            put(r, "effort", p.reasoning().effort() == null ? null : p.reasoning().effort().toString());
            put(r, "max_tokens", p.reasoning().maxTokens());
            put(r, "exclude", p.reasoning().exclude());
            put(r, "enabled", p.reasoning().enabled());
            if (!r.isEmpty()) {
                m.put("reasoning", r);
            }
        }
        put(m, "show_thinking", p.showThinking());
        return m;
    }

    /**
     * The preset input a reference file asks for ({@code name} and {@code model} required, the model as
     * {@code vendor/model}); unknown keys are listed in {@code ignored} as dotted paths.
     */
    static PresetInput read(Map<String, Object> json, List<String> ignored) {
        for (String key : json.keySet()) {
            if (!TOP_LEVEL.contains(key)) {
                ignored.add(key);
            }
        }
        String name = JsonValues.string(json, "name", "name");
        String model = JsonValues.string(json, "model", "model");
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("name", "The preset file has no 'name'; a preset file needs 'name' and 'model'.");
        }
        if (model == null || model.isBlank()) {
            throw DomainException.invalid("model", "The preset file has no 'model'; a preset file needs 'name' and 'model'.");
        }
        if (!model.contains("/")) {
            throw DomainException.invalid("model", "'model' must name the vendor and the model, as in"
                    + " anthropic/claude-haiku-4.5; got '" + model + "'.");
        }
        Integer window = JsonValues.integer(json, "contextWindowTokens", "contextWindowTokens");
        Map<String, Object> params = JsonValues.object(json, "advancedParameters", "advancedParameters");
        AdvancedParameters advanced = params == null ? AdvancedParameters.NONE : advanced(params, ignored);
        return new PresetInput(name, JsonValues.string(json, "description", "description"),
                JsonValues.string(json, "provider", "provider"), model,
                JsonValues.string(json, "visionModel", "visionModel"), window, false, advanced);
    }

    private static AdvancedParameters advanced(Map<String, Object> p, List<String> ignored) {
        String f = "advancedParameters.";
        for (String key : p.keySet()) {
            if (!PARAMETERS.contains(key)) {
                ignored.add(f + key);
            }
        }
        Reasoning reasoning = null;
        Map<String, Object> r = JsonValues.object(p, "reasoning", f + "reasoning");
        if (r != null) {
            for (String key : r.keySet()) {
                if (!REASONING.contains(key)) {
                    ignored.add(f + "reasoning." + key);
                }
            }
            String effort = JsonValues.string(r, "effort", f + "reasoning.effort");
            reasoning = build(f + "reasoning", () -> new Reasoning(effort(effort, f + "reasoning.effort"),
                    JsonValues.integer(r, "max_tokens", f + "reasoning.max_tokens"),
                    JsonValues.bool(r, "exclude", f + "reasoning.exclude"),
                    JsonValues.bool(r, "enabled", f + "reasoning.enabled")));
        }
        Reasoning chosen = reasoning;
        return build("advancedParameters", () -> new AdvancedParameters(JsonValues.number(p, "temperature", f + "temperature"),
                JsonValues.number(p, "top_p", f + "top_p"), JsonValues.integer(p, "top_k", f + "top_k"),
                JsonValues.number(p, "frequency_penalty", f + "frequency_penalty"),
                JsonValues.number(p, "presence_penalty", f + "presence_penalty"),
                JsonValues.number(p, "repetition_penalty", f + "repetition_penalty"),
                JsonValues.number(p, "min_p", f + "min_p"), JsonValues.number(p, "top_a", f + "top_a"),
                JsonValues.whole(p, "seed", f + "seed"), JsonValues.integer(p, "max_tokens", f + "max_tokens"),
                JsonValues.strings(p.get("stop"), f + "stop", 16, 100), null, null,
                JsonValues.bool(p, "show_thinking", f + "show_thinking"), chosen, null, null, null));
    }

    /** A reasoning effort by its name, or an invalid-field error listing the names. */
    static ReasoningEffort effort(String raw, String field) {
        if (raw == null) {
            return null;
        }
        try {
            return ReasoningEffort.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "'" + field + "' must be one of xhigh, high, medium, low, minimal, none;"
                    + " got '" + raw + "'.");
        }
    }

    /** Runs a record constructor, turning its range check into an invalid-field error. */
    static <T> T build(String field, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "'" + field + "': " + e.getMessage() + ".");
        }
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null && !(value instanceof String s && s.isEmpty())) {
            m.put(key, value);
        }
    }

    /** The keys a list of ignored paths reports, sorted. */
    static List<String> sorted(List<String> ignored) {
        List<String> out = new ArrayList<>(ignored);
        out.sort(null);
        return out;
    }
}
