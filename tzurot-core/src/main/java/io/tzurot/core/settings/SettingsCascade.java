package io.tzurot.core.settings;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the config-overrides cascade: hardcoded &lt; admin &lt; personality &lt; channel &lt; user default
 * &lt; user x personality. The highest tier that mentions a setting wins; an explicit null there yields the
 * built-in default (for maxAge: no limit) and still hides every lower tier.
 */
public final class SettingsCascade {

    private SettingsCascade() {
    }

    /** Resolves all settings; pass {@link ConfigOverrides#EMPTY} for a tier that does not apply. */
    public static ResolvedSettings resolve(ConfigOverrides admin, ConfigOverrides personality, ConfigOverrides channel,
                                           ConfigOverrides userDefault, ConfigOverrides userPersonality) {
        // highest tier first, so the first tier that mentions a setting decides it
        List<Map.Entry<SettingSource, ConfigOverrides>> tiers = List.of(
                Map.entry(SettingSource.USER_PERSONALITY, orEmpty(userPersonality)),
                Map.entry(SettingSource.USER_DEFAULT, orEmpty(userDefault)),
                Map.entry(SettingSource.CHANNEL, orEmpty(channel)),
                Map.entry(SettingSource.PERSONALITY, orEmpty(personality)),
                Map.entry(SettingSource.ADMIN, orEmpty(admin)));
        EnumMap<SettingKey, Object> values = new EnumMap<>(SettingKey.class);
        EnumMap<SettingKey, SettingSource> sources = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            Object value = key.hardcodedDefault();
            SettingSource source = SettingSource.HARDCODED;
            for (Map.Entry<SettingSource, ConfigOverrides> tier : tiers) {
                TierValue<?> stated = tier.getValue().get(key);
                if (stated.isPresent()) {
                    value = stated instanceof TierValue.Value<?> v ? v.value() : key.hardcodedDefault();
                    source = tier.getKey();
                    break;
                }
            }
            values.put(key, value);
            sources.put(key, source);
        }
        return new ResolvedSettings(
                (Integer) values.get(SettingKey.MAX_MESSAGES),
                (Integer) values.get(SettingKey.MAX_AGE),
                (Integer) values.get(SettingKey.MAX_IMAGES),
                (Double) values.get(SettingKey.MEMORY_SCORE_THRESHOLD),
                (Integer) values.get(SettingKey.MEMORY_LIMIT),
                (Boolean) values.get(SettingKey.FOCUS_MODE_ENABLED),
                (Boolean) values.get(SettingKey.SHOW_MODEL_FOOTER),
                sources);
    }

    private static ConfigOverrides orEmpty(ConfigOverrides tier) {
        return tier == null ? ConfigOverrides.EMPTY : tier;
    }
}
