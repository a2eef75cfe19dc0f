package io.tzurot.core.portability.preset;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.preset.AdvancedParameters;
import io.tzurot.core.preset.AdvancedParameters.Reasoning;
import io.tzurot.core.preset.AdvancedParameters.ReasoningEffort;
import io.tzurot.core.preset.PresetInput;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SillyTavern's chat-completion preset file (its {@code presets/openai/*.json}): the sampling values,
 * response length, context size, stop strings, reasoning effort and the model of the chosen source
 * become a preset; everything else (prompt manager, formatting, UI switches) is ignored and listed.
 */
public final class SillyTavernPresetJson {

    /** Keys only SillyTavern's chat-completion presets have; one of them marks a file as SillyTavern's. */
    static final Set<String> MARKERS = Set.of("chat_completion_source", "openai_max_tokens", "openai_max_context",
            "openai_model", "openrouter_model", "prompts", "prompt_order", "stream_openai", "wrap_in_quotes",
            "names_behavior", "reasoning_effort", "custom_stop_strings");

    private static final Set<String> USED = Set.of("temperature", "top_p", "top_k", "min_p", "top_a",
            "frequency_penalty", "presence_penalty", "repetition_penalty", "openai_max_tokens", "openai_max_context",
            "seed", "reasoning_effort", "show_thoughts", "stop", "stop_sequences", "custom_stop_strings",
            "chat_completion_source", "name");

    // SillyTavern sources whose model ids lack the vendor that OpenRouter-style ids start with
    private static final Map<String, String> VENDORS = Map.of("openai", "openai", "claude", "anthropic",
            "makersuite", "google", "vertexai", "google", "mistralai", "mistralai", "deepseek", "deepseek",
            "cohere", "cohere", "xai", "x-ai", "perplexity", "perplexity");

    private SillyTavernPresetJson() {
    }

    /** Whether {@code json} looks like a SillyTavern chat-completion preset. */
    static boolean matches(Map<String, Object> json) {
        return json.keySet().stream().anyMatch(MARKERS::contains);
    }

    /**
     * The preset input this file asks for, named {@code name} (else its {@code name} key, else the file's name
     * {@code fileName}, as SillyTavern names presets); the model is
     * {@code model} when given, else the one of the file's source. Unused keys go to {@code ignored}, and
     * values that have no Tzurot meaning (a random seed, automatic effort) to {@code notes}.
     */
    static PresetInput read(Map<String, Object> json, Optional<String> name, Optional<String> fileName,
                            Optional<String> model, List<String> ignored, List<String> notes) {
        for (String key : json.keySet()) {
            if (!USED.contains(key) && !key.endsWith("_model")) {
                ignored.add(key);
            }
        }
        String chosenName = name.filter(n -> !n.isBlank())
                .or(() -> Optional.ofNullable(JsonValues.string(json, "name", "name")).filter(n -> !n.isBlank()))
                .or(() -> fileName.filter(n -> !n.isBlank())).orElse(null);
        if (chosenName == null || chosenName.isBlank()) {
            throw DomainException.invalid("name", "A SillyTavern preset file carries no name (its file name is the name);"
                    + " give the preset a name.");
        }
        String chosenModel = model.filter(m -> !m.isBlank()).orElseGet(() -> sourceModel(json, ignored));
        Long seed = JsonValues.whole(json, "seed", "seed");
        if (seed != null && seed < 0) {
            notes.add("seed " + seed + " means a random seed in SillyTavern; no seed was set");
            seed = null;
        }
        Long fixedSeed = seed;
        Reasoning reasoning = reasoning(JsonValues.string(json, "reasoning_effort", "reasoning_effort"), notes);
        List<String> stop = stop(json);
        Integer maxTokens = JsonValues.integer(json, "openai_max_tokens", "openai_max_tokens");
        AdvancedParameters params = ReferencePresetJson.build("advancedParameters", () -> new AdvancedParameters(
                JsonValues.number(json, "temperature", "temperature"), JsonValues.number(json, "top_p", "top_p"),
                JsonValues.integer(json, "top_k", "top_k"), JsonValues.number(json, "frequency_penalty", "frequency_penalty"),
                JsonValues.number(json, "presence_penalty", "presence_penalty"),
                JsonValues.number(json, "repetition_penalty", "repetition_penalty"),
                JsonValues.number(json, "min_p", "min_p"), JsonValues.number(json, "top_a", "top_a"), fixedSeed,
                maxTokens, stop, null, null, JsonValues.bool(json, "show_thoughts", "show_thoughts"), reasoning,
                null, null, null));
        Integer window = JsonValues.integer(json, "openai_max_context", "openai_max_context");
        return new PresetInput(chosenName, "Imported from SillyTavern", null, chosenModel, null, window, false, params);
    }

    /** The model of the file's source, with the vendor prefixed where SillyTavern leaves it out. */
    private static String sourceModel(Map<String, Object> json, List<String> ignored) {
        String source = Optional.ofNullable(JsonValues.string(json, "chat_completion_source", "chat_completion_source"))
                .orElse("openrouter").trim().toLowerCase(Locale.ROOT);
        String key = source + "_model";
        String id = JsonValues.string(json, key, key);
        if (id == null || id.isBlank()) {
            throw DomainException.invalid("model", "The SillyTavern preset names no model for its source '" + source
                    + "' (key '" + key + "'); give the model to use, such as anthropic/claude-haiku-4.5.");
        }
        // the other sources' models are not used
        json.keySet().stream().filter(k -> k.endsWith("_model") && !k.equals(key)).forEach(ignored::add);
        id = id.trim();
        String vendor = VENDORS.get(source);
        return id.contains("/") || vendor == null ? id : vendor + "/" + id;
    }

    private static Reasoning reasoning(String effort, List<String> notes) {
        if (effort == null || effort.isBlank()) {
            return null;
        }
        ReasoningEffort mapped = switch (effort.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "min", "minimal" -> ReasoningEffort.MINIMAL;
            case "low" -> ReasoningEffort.LOW;
            case "medium" -> ReasoningEffort.MEDIUM;
            case "high" -> ReasoningEffort.HIGH;
            case "max", "xhigh" -> ReasoningEffort.XHIGH;
            case "none" -> ReasoningEffort.NONE;
            default -> throw DomainException.invalid("reasoning_effort", "'reasoning_effort' must be one of auto, min,"
                    + " low, medium, high, max; got '" + effort + "'.");
        };
        if (mapped == null) {
            notes.add("reasoning_effort 'auto' leaves the effort to the provider; no effort was set");
            return null;
        }
        return new Reasoning(mapped, null, null, null);
    }

    /** Stop strings from {@code stop}, {@code stop_sequences} or {@code custom_stop_strings} (a list or its JSON text). */
    private static List<String> stop(Map<String, Object> json) {
        for (String key : List.of("stop", "stop_sequences", "custom_stop_strings")) {
            Object raw = json.get(key);
            if (raw instanceof String text) {
                if (text.isBlank()) {
                    continue;
                }
                raw = StringArrayText.parse(text, key);
            }
            List<String> stop = JsonValues.strings(raw, key, 16, 100);
            if (stop != null && !stop.isEmpty()) {
                return stop;
            }
        }
        return null;
    }
}
