package io.tzurot.web.settings;

import io.tzurot.core.preset.PresetParameter;
import io.tzurot.core.preset.ResolvedPreset;
import io.tzurot.core.settings.ResolvedSettings;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.SettingSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Settings tiers in and out of JSON, and the resolved cascade as rows of key, value and tier. */
public final class SettingsTiers {

    /** One resolved value and the tier it came from. */
    public record Row(String key, Object value, String source) {
    }

    private SettingsTiers() {
    }

    /** The resolved settings in {@link SettingKey} order. */
    public static List<Row> rows(ResolvedSettings resolved) {
        Map<SettingKey, Object> values = new LinkedHashMap<>();
        values.put(SettingKey.MAX_MESSAGES, resolved.maxMessages());
        values.put(SettingKey.MAX_AGE, resolved.maxAgeSeconds());
        values.put(SettingKey.MAX_IMAGES, resolved.maxImages());
        values.put(SettingKey.MEMORY_SCORE_THRESHOLD, resolved.memoryScoreThreshold());
        values.put(SettingKey.MEMORY_LIMIT, resolved.memoryLimit());
        values.put(SettingKey.FOCUS_MODE_ENABLED, resolved.focusModeEnabled());
        values.put(SettingKey.SHOW_MODEL_FOOTER, resolved.showModelFooter());
        List<Row> rows = new ArrayList<>();
        for (SettingKey key : SettingKey.values()) {
            SettingSource source = resolved.sourceOf(key);
            rows.add(new Row(key.jsonName(), values.get(key), source.wireName()));
        }
        return rows;
    }

    /** The resolved model settings that have a value, in {@link PresetParameter} order. */
    public static List<Row> rows(ResolvedPreset resolved) {
        Map<PresetParameter, Object> values = new LinkedHashMap<>();
        values.put(PresetParameter.MODEL, resolved.model());
        values.put(PresetParameter.VISION_MODEL, resolved.visionModel());
        values.put(PresetParameter.CONTEXT_WINDOW_TOKENS, resolved.contextWindowTokens());
        var p = resolved.parameters();
        values.put(PresetParameter.TEMPERATURE, p.temperature());
        values.put(PresetParameter.TOP_P, p.topP());
        values.put(PresetParameter.TOP_K, p.topK());
        values.put(PresetParameter.FREQUENCY_PENALTY, p.frequencyPenalty());
        values.put(PresetParameter.PRESENCE_PENALTY, p.presencePenalty());
        values.put(PresetParameter.REPETITION_PENALTY, p.repetitionPenalty());
        values.put(PresetParameter.MIN_P, p.minP());
        values.put(PresetParameter.TOP_A, p.topA());
        values.put(PresetParameter.SEED, p.seed());
        values.put(PresetParameter.MAX_TOKENS, p.maxTokens());
        values.put(PresetParameter.STOP, p.stop());
        values.put(PresetParameter.SHOW_THINKING, p.showThinking());
        List<Row> rows = new ArrayList<>();
        values.forEach((key, value) -> {
            if (value != null) {
                rows.add(new Row(key.name().toLowerCase(Locale.ROOT), value,
                        resolved.sourceOf(key).name().toLowerCase(Locale.ROOT).replace('_', '-')));
            }
        });
        return rows;
    }
}
