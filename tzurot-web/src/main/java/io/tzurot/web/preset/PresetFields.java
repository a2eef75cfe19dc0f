package io.tzurot.web.preset;

import io.tzurot.core.preset.AdvancedParameters;
import io.tzurot.core.preset.PresetInput;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.JsonBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Preset drafts from JSON bodies. {@code advancedParameters} takes the sampling parameters in
 * snake_case (temperature, top_p, top_k, frequency_penalty, presence_penalty, repetition_penalty, min_p,
 * top_a, seed, max_tokens, stop, show_thinking); the others the core knows (reasoning, logit_bias, ...)
 * are kept as stored.
 */
public final class PresetFields {

    static final Set<String> FIELDS = Set.of("name", "description", "model", "visionModel", "provider",
            "contextWindowTokens", "isGlobal", "advancedParameters");
    static final Set<String> PARAMETERS = Set.of("temperature", "top_p", "top_k", "frequency_penalty", "presence_penalty",
            "repetition_penalty", "min_p", "top_a", "seed", "max_tokens", "stop", "show_thinking");

    private PresetFields() {
    }

    /**
     * {@code base} changed as the body asks (absent fields stay, null or "" clears an optional field; for a
     * create, {@code base} is blank). The API has checked the body's fields against {@link #FIELDS}; the
     * console's form sends only those. The values are checked by the core's use cases.
     */
    static PresetInput fromBody(JsonBody body, PresetInput base) {
        PresetInput in = base;
        if (body.has("name")) {
            in = in.withName(body.string("name").orElse(null));
        }
        if (body.has("description")) {
            in = in.withDescription(body.string("description").orElse(null));
        }
        if (body.has("provider")) {
            in = in.withProvider(body.string("provider").orElse(null));
        }
        if (body.has("model")) {
            in = in.withModel(body.string("model").orElse(null));
        }
        if (body.has("visionModel")) {
            in = in.withVisionModel(body.string("visionModel").orElse(null));
        }
        if (body.has("contextWindowTokens")) {
            in = in.withContextWindowTokens((int) body.requiredInteger("contextWindowTokens",
                    io.tzurot.core.preset.PresetFields.MIN_CONTEXT_WINDOW, io.tzurot.core.preset.PresetFields.MAX_CONTEXT_WINDOW));
        }
        AdvancedParameters kept = base.advancedParameters() == null ? AdvancedParameters.NONE : base.advancedParameters();
        if (body.has("advancedParameters")) {
            in = in.withAdvancedParameters(body.optionalObject("advancedParameters").map(o -> parameters(o, kept))
                    .orElse(keepUnsupported(AdvancedParameters.NONE, kept)));
        }
        return in.withGlobal(body.optionalBoolean("isGlobal", base.isGlobal()));
    }

    /** The supported parameters from {@code body}; the unsupported ones come from {@code kept}. */
    static AdvancedParameters parameters(JsonBody body, AdvancedParameters kept) {
        body.allowOnly(PARAMETERS);
        Map<String, Object> v = body.asMap();
        try {
            return new AdvancedParameters(dbl(v, "temperature"), dbl(v, "top_p"), integer(v, "top_k"),
                    dbl(v, "frequency_penalty"), dbl(v, "presence_penalty"), dbl(v, "repetition_penalty"),
                    dbl(v, "min_p"), dbl(v, "top_a"), v.get("seed") == null ? null : (long) whole(v, "seed"),
                    integer(v, "max_tokens"), strings(v, "stop"), kept.logitBias(), kept.responseFormat(),
                    bool(v, "show_thinking"), kept.reasoning(), kept.transforms(), kept.route(), kept.verbosity());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("advancedParameters", e.getMessage());
        }
    }

    private static AdvancedParameters keepUnsupported(AdvancedParameters base, AdvancedParameters kept) {
        return new AdvancedParameters(base.temperature(), base.topP(), base.topK(), base.frequencyPenalty(),
                base.presencePenalty(), base.repetitionPenalty(), base.minP(), base.topA(), base.seed(), base.maxTokens(),
                base.stop(), kept.logitBias(), kept.responseFormat(), base.showThinking(), kept.reasoning(),
                kept.transforms(), kept.route(), kept.verbosity());
    }

    /** The supported parameters that are set, in snake_case, for views. */
    static Map<String, Object> parametersView(AdvancedParameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "temperature", p.temperature());
        put(m, "top_p", p.topP());
        put(m, "top_k", p.topK());
        put(m, "frequency_penalty", p.frequencyPenalty());
        put(m, "presence_penalty", p.presencePenalty());
        put(m, "repetition_penalty", p.repetitionPenalty());
        put(m, "min_p", p.minP());
        put(m, "top_a", p.topA());
        put(m, "seed", p.seed());
        put(m, "max_tokens", p.maxTokens());
        put(m, "stop", p.stop());
        put(m, "show_thinking", p.showThinking());
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Double dbl(Map<String, Object> v, String key) {
        Object raw = v.get(key);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Number n)) {
            throw ApiException.badRequest("advancedParameters." + key, "'advancedParameters." + key + "' must be a number.");
        }
        return n.doubleValue();
    }

    private static long whole(Map<String, Object> v, String key) {
        Object raw = v.get(key);
        if (raw instanceof Integer || raw instanceof Long || raw instanceof java.math.BigInteger b && b.bitLength() < 64) {
            return ((Number) raw).longValue();
        }
        throw ApiException.badRequest("advancedParameters." + key, "'advancedParameters." + key + "' must be a whole number.");
    }

    private static Integer integer(Map<String, Object> v, String key) {
        if (v.get(key) == null) {
            return null;
        }
        long n = whole(v, key);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw ApiException.badRequest("advancedParameters." + key, "'advancedParameters." + key + "' is out of range.");
        }
        return (int) n;
    }

    private static Boolean bool(Map<String, Object> v, String key) {
        Object raw = v.get(key);
        if (raw == null || raw instanceof Boolean) {
            return (Boolean) raw;
        }
        throw ApiException.badRequest("advancedParameters." + key, "'advancedParameters." + key + "' must be true or false.");
    }

    private static List<String> strings(Map<String, Object> v, String key) {
        Object raw = v.get(key);
        if (raw == null) {
            return null;
        }
        String field = "advancedParameters." + key;
        if (!(raw instanceof List<?> list) || list.size() > 16) {
            throw ApiException.badRequest(field, "'" + field + "' must be a list of at most 16 strings.");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isEmpty() || s.length() > 100) {
                throw ApiException.badRequest(field, "'" + field + "' must hold strings of 1-100 characters.");
            }
            out.add(s);
        }
        return out;
    }
}
