package io.tzurot.web.preset;

import io.tzurot.core.preset.Preset;
import io.tzurot.web.console.FormField;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.JsonBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The console's preset form: its fields (named as the API names them, sampling parameters as
 * {@code advancedParameters.<name>}), turning what it sends into the API's body, and a preset's values for it.
 */
public final class PresetForm {

    static final String PARAMS = "advancedParameters.";
    static final String STOP = PARAMS + "stop";
    static final String SHOW_THINKING = PARAMS + "show_thinking";

    /** Name, model and the other text fields. */
    public static final List<FormField> MAIN = List.of(
            FormField.text("name", "Name", true, 100),
            FormField.text("model", "Model, e.g. anthropic/claude-haiku-4.5", true, 200),
            FormField.text("description", "Description", false, 500),
            FormField.text("visionModel", "Vision model (describes images)", false, 200),
            FormField.text("provider", "Provider (default openrouter)", false, 20),
            FormField.number("contextWindowTokens", "Context window in tokens", "whole number, 1000 or more"));

    /** The sampling parameters; empty means the model's own default. */
    public static final List<FormField> SAMPLING = List.of(
            FormField.number(PARAMS + "temperature", "Temperature", "0 to 2"),
            FormField.number(PARAMS + "top_p", "Top P", "0 to 1"),
            FormField.number(PARAMS + "top_k", "Top K", "whole number"),
            FormField.number(PARAMS + "frequency_penalty", "Frequency penalty", "-2 to 2"),
            FormField.number(PARAMS + "presence_penalty", "Presence penalty", "-2 to 2"),
            FormField.number(PARAMS + "repetition_penalty", "Repetition penalty", "0 to 2"),
            FormField.number(PARAMS + "min_p", "Min P", "0 to 1"),
            FormField.number(PARAMS + "top_a", "Top A", "0 to 1"),
            FormField.number(PARAMS + "seed", "Seed", "whole number"),
            FormField.number(PARAMS + "max_tokens", "Max tokens", "whole number"),
            new FormField(STOP, "Stop sequences", "one a line, at most 16", false, FormField.Kind.TEXTAREA, 1700));

    /** Every input name of the form, for placing errors. */
    public static final List<String> NAMES = Stream.of(MAIN.stream().map(FormField::name),
            SAMPLING.stream().map(FormField::name), Stream.of("isGlobal", SHOW_THINKING)).flatMap(s -> s).toList();

    private PresetForm() {
    }

    /**
     * What the form sent as the API's body. The sampling parameters are always sent whole, so an emptied box
     * clears its parameter; {@code isGlobal} only when the sender may change it.
     */
    static JsonBody body(Function<String, String> form, boolean mayChooseGlobal) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormField f : MAIN) {
            String raw = form.apply(f.name());
            if (raw == null) {
                continue;
            }
            if (f.kind() == FormField.Kind.NUMBER) {
                if (!raw.isBlank()) {
                    values.put(f.name(), number(f.name(), raw));
                }
            } else {
                values.put(f.name(), raw);
            }
        }
        if (mayChooseGlobal) {
            values.put("isGlobal", "true".equals(form.apply("isGlobal")));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (FormField f : SAMPLING) {
            String raw = Optional.ofNullable(form.apply(f.name())).orElse("");
            String key = f.name().substring(PARAMS.length());
            if (f.name().equals(STOP)) {
                List<String> stops = raw.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                if (!stops.isEmpty()) {
                    params.put(key, stops);
                }
            } else if (!raw.isBlank()) {
                params.put(key, number(f.name(), raw));
            }
        }
        if ("true".equals(form.apply(SHOW_THINKING))) {
            params.put("show_thinking", true);
        }
        values.put("advancedParameters", params);
        return JsonBody.of(values);
    }

    /** A typed-in number: whole numbers stay whole (so whole-number fields accept them). */
    private static Number number(String field, String raw) {
        String s = raw.strip();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException notWhole) {
            try {
                double d = Double.parseDouble(s);
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw ApiException.badRequest(field, "'" + field + "' must be a number, got '" + s + "'.");
    }

    /** The form's text values of a preset (or of the empty new form), by input name. */
    static Map<String, String> values(Optional<Preset> preset) {
        Map<String, String> v = new LinkedHashMap<>();
        Stream.concat(MAIN.stream(), SAMPLING.stream()).forEach(f -> v.put(f.name(), ""));
        preset.ifPresent(p -> {
            v.put("name", p.name());
            v.put("model", p.model());
            v.put("description", Optional.ofNullable(p.description()).orElse(""));
            v.put("visionModel", Optional.ofNullable(p.visionModel()).orElse(""));
            v.put("provider", Optional.ofNullable(p.provider()).orElse(""));
            v.put("contextWindowTokens", Integer.toString(p.contextWindowTokens()));
            PresetFields.parametersView(p.advancedParameters()).forEach((key, value) -> v.put(PARAMS + key,
                    value instanceof List<?> list ? String.join("\n", list.stream().map(String::valueOf).toList())
                            : String.valueOf(value)));
        });
        return v;
    }

    /** The form's values of what was sent, to show it again with its error. */
    static Map<String, String> sent(Function<String, String> form) {
        Map<String, String> v = new LinkedHashMap<>();
        Stream.concat(MAIN.stream(), SAMPLING.stream())
                .forEach(f -> v.put(f.name(), Optional.ofNullable(form.apply(f.name())).orElse("")));
        return v;
    }

    /** Checkbox states of a preset (or of the empty new form): isGlobal and show_thinking. */
    static Map<String, Boolean> checks(Optional<Preset> preset) {
        return Map.of("isGlobal", preset.map(Preset::isGlobal).orElse(false),
                "show_thinking", preset.map(p -> Boolean.TRUE.equals(p.advancedParameters().showThinking())).orElse(false));
    }

    /** Checkbox states of what was sent, to show it again with its error. */
    static Map<String, Boolean> sentChecks(Function<String, String> form) {
        return Map.of("isGlobal", "true".equals(form.apply("isGlobal")), "show_thinking", "true".equals(form.apply(SHOW_THINKING)));
    }
}
