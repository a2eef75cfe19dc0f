package io.tzurot.core.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every cascade setting resolved, with the tier each value came from.
 *
 * @param maxAgeSeconds null means no age limit
 * @param memoryLimit 0 means long-term memory retrieval is off
 */
public record ResolvedSettings(
        int maxMessages,
        Integer maxAgeSeconds,
        int maxImages,
        double memoryScoreThreshold,
        int memoryLimit,
        boolean focusModeEnabled,
        boolean showModelFooter,
        Map<SettingKey, SettingSource> sources) {

    public ResolvedSettings {
        EnumMap<SettingKey, SettingSource> copy = new EnumMap<>(SettingKey.class);
        copy.putAll(sources);
        for (SettingKey key : SettingKey.values()) {
            if (!copy.containsKey(key)) {
                throw new IllegalArgumentException("no source for " + key.jsonName());
            }
        }
        sources = Collections.unmodifiableMap(copy);
    }

    /** The built-in values, every source {@link SettingSource#HARDCODED}; the fallback when tiers cannot be read. */
    public static ResolvedSettings hardcoded() {
        return SettingsCascade.resolve(ConfigOverrides.EMPTY, ConfigOverrides.EMPTY, ConfigOverrides.EMPTY,
                ConfigOverrides.EMPTY, ConfigOverrides.EMPTY);
    }

    /** One resolved value by key (maxAge may be null: no limit). */
    public Object value(SettingKey key) {
        return switch (key) {
            case MAX_MESSAGES -> maxMessages;
            case MAX_AGE -> maxAgeSeconds;
            case MAX_IMAGES -> maxImages;
            case MEMORY_SCORE_THRESHOLD -> memoryScoreThreshold;
            case MEMORY_LIMIT -> memoryLimit;
            case FOCUS_MODE_ENABLED -> focusModeEnabled;
            case SHOW_MODEL_FOOTER -> showModelFooter;
        };
    }

    public SettingSource sourceOf(SettingKey key) {
        return sources.get(key);
    }

    public Optional<Integer> maxAge() {
        return Optional.ofNullable(maxAgeSeconds);
    }

    /** True when long-term memories should be retrieved at all. */
    public boolean memoryRetrievalEnabled() {
        return !focusModeEnabled && memoryLimit > 0;
    }
}
