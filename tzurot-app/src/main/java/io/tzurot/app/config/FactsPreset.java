package io.tzurot.app.config;

import java.util.Optional;
import java.util.UUID;

/**
 * {@code TZUROT_FACTS_PRESET}: which preset's model extracts memory facts after each exchange. Unset or {@code off}:
 * no extraction (it is one more model call per reply, paid with the same key, so an operator opts in); a preset id:
 * that preset's model (a cheap one, e.g. a global "facts" preset); {@code reply}: the reply's own model.
 */
public record FactsPreset(boolean enabled, Optional<UUID> presetId) {

    /** The setting from its raw value; a bad value stops start-up naming the variable. */
    public static FactsPreset parse(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty() || value.equalsIgnoreCase("off")) {
            return new FactsPreset(false, Optional.empty());
        }
        if (value.equalsIgnoreCase("reply")) {
            return new FactsPreset(true, Optional.empty());
        }
        try {
            return new FactsPreset(true, Optional.of(UUID.fromString(value)));
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(Variable.TZUROT_FACTS_PRESET, value,
                    "expected a preset id (see GET /api/v1/presets), reply (the reply's own model) or off");
        }
    }
}
