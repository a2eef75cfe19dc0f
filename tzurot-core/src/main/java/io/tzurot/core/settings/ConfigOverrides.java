package io.tzurot.core.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tier of the config-overrides cascade (admin, personality, channel, user default or user x
 * personality):
 * for each {@link SettingKey}, whether the tier inherits, clears or sets it. Only settings the tier
 * mentions are stored; every other one inherits.
 */
public record ConfigOverrides(Map<SettingKey, TierValue<?>> values) {

    /** A tier that mentions nothing. */
    public static final ConfigOverrides EMPTY = new ConfigOverrides(Map.of());

    public ConfigOverrides {
        Objects.requireNonNull(values, "values");
        EnumMap<SettingKey, TierValue<?>> copy = new EnumMap<>(SettingKey.class);
        values.forEach((key, value) -> {
            Objects.requireNonNull(key, "setting key");
            Objects.requireNonNull(value, "tier value of " + key.jsonName());
            if (value instanceof TierValue.Value<?> v) {
                copy.put(key, TierValue.of(key.coerce(v.value())));
            } else if (value.isPresent()) {
                copy.put(key, value);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** What this tier says about {@code key}. */
    public TierValue<?> get(SettingKey key) {
        TierValue<?> value = values.get(key);
        return value == null ? TierValue.inherit() : value;
    }

    /** A copy with {@code key} set to {@code value} (an {@link TierValue.Inherit} removes the key). */
    public ConfigOverrides with(SettingKey key, TierValue<?> value) {
        EnumMap<SettingKey, TierValue<?>> copy = new EnumMap<>(SettingKey.class);
        copy.putAll(values);
        copy.put(key, value);
        return new ConfigOverrides(copy);
    }

    /** A copy where every key of {@code patch} replaces this tier's entry (shallow merge, as a PATCH). */
    public ConfigOverrides merge(ConfigOverrides patch) {
        EnumMap<SettingKey, TierValue<?>> copy = new EnumMap<>(SettingKey.class);
        copy.putAll(values);
        copy.putAll(patch.values);
        return new ConfigOverrides(copy);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The JSON object form: absent keys inherit, explicit nulls clear. Key order follows {@link SettingKey}. */
    public Map<String, Object> toEntries() {
        Map<String, Object> entries = new LinkedHashMap<>();
        values.forEach((key, value) -> entries.put(key.jsonName(),
                value instanceof TierValue.Value<?> v ? v.value() : null));
        return entries;
    }

    /**
     * Validates a decoded JSON object (values are Numbers, Booleans or null). Unknown keys and values
     * out of range make the whole tier invalid, as the reference's strict schema does.
     */
    public static Parsed parse(Map<String, ?> entries) {
        Objects.requireNonNull(entries, "entries");
        List<String> problems = new ArrayList<>();
        EnumMap<SettingKey, TierValue<?>> values = new EnumMap<>(SettingKey.class);
        entries.forEach((name, raw) -> {
            SettingKey key = SettingKey.fromJsonName(name).orElse(null);
            if (key == null) {
                problems.add("unknown setting '" + name + "'");
                return;
            }
            if (raw == null) {
                values.put(key, TierValue.cleared());
                return;
            }
            try {
                values.put(key, TierValue.of(key.coerce(raw)));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        });
        return problems.isEmpty() ? new Parsed.Valid(new ConfigOverrides(values)) : new Parsed.Invalid(problems);
    }

    /** The outcome of {@link #parse}. */
    public sealed interface Parsed {
        /** Every key known and in range. */
        record Valid(ConfigOverrides overrides) implements Parsed {
        }

        /** The tier must be ignored; each problem is a readable sentence. */
        record Invalid(List<String> problems) implements Parsed {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }
}
