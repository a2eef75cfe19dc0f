package io.tzurot.discord.preset;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.preset.AdvancedParameters;
import io.tzurot.core.preset.AdvancedParameters.Reasoning;
import io.tzurot.core.preset.AdvancedParameters.ReasoningEffort;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetInput;
import io.tzurot.discord.dashboard.DashboardSpec.Field;
import io.tzurot.discord.dashboard.DashboardSpec.Section;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The preset dashboard's sections (spec §2.1): Identity, Core Sampling, Advanced, Context Window and Reasoning,
 * as text fields, and the typed text back into a {@link PresetInput}. This is translation only: an empty field
 * unsets a parameter, a value that is not a number is refused naming the field, and the ranges are the core
 * preset rules' (refused as an invalid field as well).
 */
final class PresetSections {

    static final List<String> ORDER = List.of("identity", "sampling", "advanced", "context", "reasoning");

    private PresetSections() {
    }

    static List<Section> of(Preset p) {
        AdvancedParameters a = p.advancedParameters();
        Reasoning r = a.reasoning();
        return List.of(
                new Section("identity", "📝 Identity", List.of(
                        new Field("name", "Name", p.name(), 100, false, true),
                        new Field("description", "Description", text(p.description()), 500, true, false),
                        new Field("provider", "Provider", p.provider(), 20, false, false),
                        new Field("model", "Model", p.model(), 255, false, true),
                        new Field("visionModel", "Vision model", text(p.visionModel()), 255, false, false))),
                new Section("sampling", "🎛️ Core Sampling", List.of(
                        new Field("temperature", "Temperature (0-2)", text(a.temperature()), 20, false, false),
                        new Field("top_p", "Top P (0-1)", text(a.topP()), 20, false, false),
                        new Field("top_k", "Top K (0 or more)", text(a.topK()), 20, false, false),
                        new Field("max_tokens", "Max tokens", text(a.maxTokens()), 20, false, false),
                        new Field("seed", "Seed", text(a.seed()), 20, false, false))),
                new Section("advanced", "🔧 Advanced", List.of(
                        new Field("frequency_penalty", "Frequency penalty (-2 to 2)", text(a.frequencyPenalty()), 20,
                                false, false),
                        new Field("presence_penalty", "Presence penalty (-2 to 2)", text(a.presencePenalty()), 20,
                                false, false),
                        new Field("repetition_penalty", "Repetition penalty (0-2)", text(a.repetitionPenalty()), 20,
                                false, false),
                        new Field("min_p", "Min P (0-1)", text(a.minP()), 20, false, false),
                        new Field("top_a", "Top A (0-1)", text(a.topA()), 20, false, false))),
                new Section("context", "📜 Context Window", List.of(
                        new Field("contextWindowTokens", "Context window (tokens)", Integer.toString(
                                p.contextWindowTokens()), 10, false, true))),
                new Section("reasoning", "🧠 Reasoning", List.of(
                        new Field("effort", "Effort (xhigh, high ... minimal, none)", r == null ? ""
                                : text(r.effort()), 10, false, false),
                        new Field("reasoning_max_tokens", "Reasoning max tokens (1024-32000)",
                                r == null ? "" : text(r.maxTokens()), 10, false, false),
                        new Field("exclude", "Hide reasoning from the reply (on/off)", r == null ? ""
                                : onOff(r.exclude()), 5, false, false),
                        new Field("enabled", "Reasoning enabled (on/off)", r == null ? "" : onOff(r.enabled()), 5,
                                false, false),
                        new Field("show_thinking", "Show thinking in Discord (on/off)", onOff(a.showThinking()), 5,
                                false, false))));
    }

    /** The input after one section's submitted values. */
    static PresetInput apply(PresetInput in, String section, Map<String, String> v) {
        AdvancedParameters a = in.advancedParameters() == null ? AdvancedParameters.NONE : in.advancedParameters();
        try {
            return switch (section) {
                case "identity" -> in.withName(v.get("name")).withDescription(v.get("description"))
                        .withProvider(v.get("provider")).withModel(v.get("model")).withVisionModel(v.get("visionModel"));
                case "sampling" -> in.withAdvancedParameters(params(a, dbl(v, "temperature"), dbl(v, "top_p"),
                        integer(v, "top_k"), a.frequencyPenalty(), a.presencePenalty(), a.repetitionPenalty(), a.minP(),
                        a.topA(), whole(v, "seed"), integer(v, "max_tokens"), a.showThinking(), a.reasoning()));
                case "advanced" -> in.withAdvancedParameters(params(a, a.temperature(), a.topP(), a.topK(),
                        dbl(v, "frequency_penalty"), dbl(v, "presence_penalty"), dbl(v, "repetition_penalty"),
                        dbl(v, "min_p"), dbl(v, "top_a"), a.seed(), a.maxTokens(), a.showThinking(), a.reasoning()));
                case "context" -> in.withContextWindowTokens(integer(v, "contextWindowTokens"));
                case "reasoning" -> in.withAdvancedParameters(params(a, a.temperature(), a.topP(), a.topK(),
                        a.frequencyPenalty(), a.presencePenalty(), a.repetitionPenalty(), a.minP(), a.topA(), a.seed(),
                        a.maxTokens(), bool(v, "show_thinking"), reasoning(v)));
                default -> throw new IllegalStateException("no section " + section);
            };
        } catch (IllegalArgumentException e) {
            // a value out of the core parameters' ranges
            throw DomainException.invalid("advancedParameters", "The preset was not changed: "
                    + e.getMessage().replace("invalid advanced parameters: ", "") + ".");
        }
    }

    private static AdvancedParameters params(AdvancedParameters a, Double temperature, Double topP, Integer topK,
                                             Double frequency, Double presence, Double repetition, Double minP,
                                             Double topA, Long seed, Integer maxTokens, Boolean showThinking,
                                             Reasoning reasoning) {
        return new AdvancedParameters(temperature, topP, topK, frequency, presence, repetition, minP, topA, seed,
                maxTokens, a.stop(), a.logitBias(), a.responseFormat(), showThinking, reasoning, a.transforms(),
                a.route(), a.verbosity());
    }

    private static Reasoning reasoning(Map<String, String> v) {
        ReasoningEffort effort = parse(v, "effort", s -> ReasoningEffort.valueOf(s.toUpperCase(Locale.ROOT)),
                "one of xhigh, high, medium, low, minimal or none");
        Integer max = integer(v, "reasoning_max_tokens");
        Boolean exclude = bool(v, "exclude");
        Boolean enabled = bool(v, "enabled");
        return effort == null && max == null && exclude == null && enabled == null ? null
                : new Reasoning(effort, max, exclude, enabled);
    }

    private static Double dbl(Map<String, String> v, String key) {
        return parse(v, key, Double::valueOf, "a number");
    }

    private static Integer integer(Map<String, String> v, String key) {
        return parse(v, key, Integer::valueOf, "a whole number");
    }

    private static Long whole(Map<String, String> v, String key) {
        return parse(v, key, Long::valueOf, "a whole number");
    }

    private static Boolean bool(Map<String, String> v, String key) {
        return parse(v, key, s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "on", "yes", "true" -> Boolean.TRUE;
            case "off", "no", "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(s);
        }, "on or off");
    }

    private static <T> T parse(Map<String, String> v, String key, Function<String, T> parser, String expected) {
        String text = Objects.requireNonNullElse(v.get(key), "").strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw DomainException.invalid(key, "'" + key + "' must be " + expected + "; got '" + text + "'.");
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String onOff(Boolean value) {
        return value == null ? "" : value ? "on" : "off";
    }
}
