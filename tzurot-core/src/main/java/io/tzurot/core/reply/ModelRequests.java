package io.tzurot.core.reply;

import io.tzurot.core.model.ModelMessage;
import io.tzurot.core.model.ModelParameters;
import io.tzurot.core.model.ModelRequest;
import io.tzurot.core.model.Reasoning;
import io.tzurot.core.model.ReasoningEffort;
import io.tzurot.core.model.ResponseFormat;
import io.tzurot.core.model.Verbosity;
import io.tzurot.core.preset.AdvancedParameters;
import io.tzurot.core.preset.ResolvedPreset;
import io.tzurot.core.prompt.AssembledPrompt;
import io.tzurot.core.response.AttemptSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the model call of one attempt from the resolved preset, the assembled prompt and the attempt's
 * overrides (pipeline.md §5.1-5.2): default stop sequences, reasoning-scaled max tokens, models that reject a
 * system message or certain parameters.
 */
final class ModelRequests {

    /** Stop sequences sent with every call: the model must not write the next message itself. */
    static final List<String> DEFAULT_STOPS = List.of("</message>", "<message");
    private static final Set<String> NO_STOP_SUPPORT = Set.of("z-ai/glm-4.5-air", "google/gemini-3-pro-preview",
            "google/gemma-3-27b-it:free", "meta-llama/llama-3.3-70b-instruct:free", "deepseek/deepseek-r1-0528:free");

    private ModelRequests() {
    }

    static ModelRequest build(ResolvedPreset preset, AssembledPrompt prompt, AttemptSettings attempt) {
        String model = preset.model();
        List<ModelMessage> messages = AssembledPrompt.modelRejectsSystemMessage(model)
                ? List.of(ModelMessage.user(prompt.inlinedHumanMessage()))
                : List.of(ModelMessage.system(prompt.systemPrompt()), ModelMessage.user(prompt.humanMessage()));
        return new ModelRequest(model, messages, parameters(preset, attempt));
    }

    static ModelParameters parameters(ResolvedPreset preset, AttemptSettings attempt) {
        AdvancedParameters p = preset.parameters();
        boolean glmAir = preset.model().toLowerCase(Locale.ROOT).contains("glm-4.5-air");
        ModelParameters.Builder b = ModelParameters.builder()
                .temperature(attempt.temperature().isPresent() ? Double.valueOf(attempt.temperature().getAsDouble())
                        : p.temperature())
                .topP(p.topP())
                .maxTokens(maxTokens(p))
                .responseFormat(p.responseFormat() == null ? null : ResponseFormat.valueOf(p.responseFormat().name()))
                .reasoning(reasoning(p.reasoning()))
                .transforms(p.transforms())
                .route(p.route())
                .verbosity(p.verbosity() == null ? null : Verbosity.valueOf(p.verbosity().name()))
                .stop(stops(preset.model(), p.stop()));
        if (!glmAir) {
            // glm-4.5-air rejects these (pipeline.md §5.1)
            b.topK(p.topK()).minP(p.minP()).topA(p.topA()).repetitionPenalty(p.repetitionPenalty())
                    .presencePenalty(p.presencePenalty())
                    .frequencyPenalty(attempt.frequencyPenalty().isPresent()
                            ? Double.valueOf(attempt.frequencyPenalty().getAsDouble()) : p.frequencyPenalty())
                    .seed(p.seed() == null ? null : (int) (long) p.seed())
                    .logitBias(logitBias(p.logitBias()));
        }
        return b.build();
    }

    private static Integer maxTokens(AdvancedParameters p) {
        if (p.maxTokens() != null) {
            return p.maxTokens();
        }
        if (p.reasoning() != null && p.reasoning().effort() != null) {
            return ReasoningEffort.valueOf(p.reasoning().effort().name()).defaultMaxTokens();
        }
        return null;
    }

    private static Reasoning reasoning(AdvancedParameters.Reasoning r) {
        if (r == null) {
            return null;
        }
        ReasoningEffort effort = r.effort() == null ? null : ReasoningEffort.valueOf(r.effort().name());
        // effort wins over an explicit budget, as the reference sends only one of them
        Integer budget = effort == null ? r.maxTokens() : null;
        Reasoning out = new Reasoning(effort, budget, r.exclude(), r.enabled());
        return out.isEmpty() ? null : out;
    }

    private static List<String> stops(String model, List<String> preset) {
        List<String> stops = new ArrayList<>();
        if (preset != null) {
            stops.addAll(preset);
        }
        if (!NO_STOP_SUPPORT.contains(model)) {
            for (String s : DEFAULT_STOPS) {
                if (!stops.contains(s)) {
                    stops.add(s);
                }
            }
        }
        return stops.isEmpty() ? null : stops;
    }

    private static Map<String, Integer> logitBias(Map<String, Double> bias) {
        if (bias == null || bias.isEmpty()) {
            return null;
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        bias.forEach((token, value) -> out.put(token, (int) Math.round(value)));
        return out;
    }
}
