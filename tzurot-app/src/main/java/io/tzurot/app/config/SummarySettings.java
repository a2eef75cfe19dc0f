package io.tzurot.app.config;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Long-term-memory summaries: {@code TZUROT_SUMMARY_PRESET} (which preset's model writes them: a preset id,
 * {@code reply} for the model the character replies with, unset or {@code off} for none), and which memories are
 * old enough ({@code TZUROT_SUMMARY_MIN_AGE_DAYS}) and numerous enough in one conversation's week
 * ({@code TZUROT_SUMMARY_MIN_MEMORIES}).
 */
public record SummarySettings(boolean enabled, Optional<UUID> presetId, Duration minAge, int minMemories) {

    /** The settings from the configuration; a bad value stops start-up naming the variable. */
    public static SummarySettings from(ConfigSources s) {
        String raw = s.value(Variable.TZUROT_SUMMARY_PRESET);
        String value = raw == null ? "" : raw.strip();
        boolean enabled = true;
        Optional<UUID> preset = Optional.empty();
        if (value.isEmpty() || value.equalsIgnoreCase("off")) {
            enabled = false;
        } else if (!value.equalsIgnoreCase("reply")) {
            try {
                preset = Optional.of(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalid(Variable.TZUROT_SUMMARY_PRESET, value,
                        "expected a preset id (see GET /api/v1/presets), reply (the character's own model) or off");
            }
        }
        int days = number(s, Variable.TZUROT_SUMMARY_MIN_AGE_DAYS, 1, 36_500);
        int memories = number(s, Variable.TZUROT_SUMMARY_MIN_MEMORIES, 2, 1000);
        return new SummarySettings(enabled, preset, Duration.ofDays(days), memories);
    }

    private static int number(ConfigSources s, Variable variable, int min, int max) {
        String value = s.value(variable);
        String text = value == null || value.isBlank() ? variable.defaultValue() : value.strip();
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ConfigException.invalid(variable, text, "expected a whole number from " + min + " to " + max);
    }
}
