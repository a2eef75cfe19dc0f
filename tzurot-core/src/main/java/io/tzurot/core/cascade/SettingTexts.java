package io.tzurot.core.cascade;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings typed as text (a Discord modal, a form): empty or {@code auto} inherits from the tiers below;
 * {@code default} clears (the built-in value, hiding lower tiers); the history age takes a duration such as
 * {@code 30m}, {@code 2h}, {@code 1d} (or seconds), and {@code off}, {@code none} or {@code 0} for no limit;
 * switches take on/off, yes/no or true/false. The setting's own range is then checked by {@link ConfigOverrides}.
 */
public final class SettingTexts {

    /** The words that turn the history age limit off. */
    private static final Set<String> OFF = Set.of("off", "none", "disabled", "unlimited");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([smhdw]?)");

    private SettingTexts() {
    }

    /** What one typed text says about {@code key} at a tier; an invalid {@code key.jsonName()} otherwise. */
    public static TierValue<?> parse(SettingKey key, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("auto") || t.equals("inherit")) {
            return TierValue.inherit();
        }
        if (t.equals("default")) {
            return TierValue.cleared();
        }
        Object raw = switch (key) {
            case MAX_AGE -> OFF.contains(t) ? null : seconds(key, t);
            case FOCUS_MODE_ENABLED, SHOW_MODEL_FOOTER -> bool(key, t);
            case MEMORY_SCORE_THRESHOLD -> number(key, t);
            default -> whole(key, t);
        };
        if (raw == null) {
            return TierValue.cleared();
        }
        Map<String, Object> single = new HashMap<>();
        single.put(key.jsonName(), raw);
        ConfigOverrides.Parsed parsed = ConfigOverrides.parse(single);
        if (parsed instanceof ConfigOverrides.Parsed.Invalid invalid) {
            throw DomainException.invalid(key.jsonName(), String.join("; ", invalid.problems()) + ".");
        }
        // the setting's own type (an Integer, not the Long that was typed)
        return ((ConfigOverrides.Parsed.Valid) parsed).overrides().get(key);
    }

    /** How a tier's statement is shown for editing: "" when it inherits, the value in the form {@link #parse} reads. */
    public static String show(SettingKey key, TierValue<?> value) {
        if (value instanceof TierValue.Value<?> v) {
            return show(key, v.value());
        }
        return value.isPresent() ? (key == SettingKey.MAX_AGE ? "off" : "default") : "";
    }

    /** A resolved value as a person reads it (the history age as a duration, switches as on/off). */
    public static String show(SettingKey key, Object value) {
        if (value == null) {
            return key == SettingKey.MAX_AGE ? "off" : "none";
        }
        if (value instanceof Boolean b) {
            return b ? "on" : "off";
        }
        if (key == SettingKey.MAX_AGE && value instanceof Integer s) {
            return duration(s);
        }
        return value.toString();
    }

    private static String duration(int seconds) {
        if (seconds == 0) {
            return "0s";
        }
        for (Object[] unit : new Object[][] {{86_400, "d"}, {3600, "h"}, {60, "m"}}) {
            int size = (Integer) unit[0];
            if (seconds % size == 0) {
                return seconds / size + (String) unit[1];
            }
        }
        return seconds + "s";
    }

    private static Integer seconds(SettingKey key, String t) {
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw DomainException.invalid(key.jsonName(), "'" + key.jsonName() + "' takes a duration such as 30m, 2h or"
                    + " 1d (at most 30d), or off for no limit.");
        }
        long n = Long.parseLong(m.group(1));
        long factor = switch (m.group(2)) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86_400;
            case "w" -> 604_800;
            default -> 1;
        };
        long total = n * factor;
        // 0 means off, as in the reference's duration inputs
        return total == 0 ? null : (int) Math.min(total, Integer.MAX_VALUE);
    }

    private static Boolean bool(SettingKey key, String t) {
        return switch (t) {
            case "on", "yes", "true", "enabled" -> true;
            case "off", "no", "false", "disabled" -> false;
            default -> throw DomainException.invalid(key.jsonName(), "'" + key.jsonName() + "' takes on or off.");
        };
    }

    private static Double number(SettingKey key, String t) {
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(key.jsonName(), "'" + key.jsonName() + "' takes a number from 0 to 1.");
        }
    }

    private static Long whole(SettingKey key, String t) {
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(key.jsonName(), "'" + key.jsonName() + "' takes a whole number.");
        }
    }

}
