package io.tzurot.core.cascade;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings typed as text (dashboards): empty or {@code auto} inherits from the tiers below; {@code off},
 * {@code none} or {@code 0} turns the age limit off; ages read {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d} or
 * plain seconds; switches read on/off, true/false, yes/no. Ranges are {@link ConfigOverrides}'s.
 */
public final class SettingText {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})\\s*([smhd]?)");

    private SettingText() {
    }

    /** What the tier states for {@code key}, read from {@code text}; an invalid value names the setting. */
    public static TierValue<?> parse(SettingKey key, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("auto") || t.equals("inherit")) {
            return TierValue.inherit();
        }
        Object raw = switch (key) {
            case MAX_AGE -> age(t);
            case FOCUS_MODE_ENABLED, SHOW_MODEL_FOOTER -> bool(key, t);
            case MEMORY_SCORE_THRESHOLD -> number(key, t);
            default -> integer(key, t);
        };
        if (raw == null) {
            return TierValue.cleared();
        }
        if (ConfigOverrides.parse(Map.of(key.jsonName(), raw)) instanceof ConfigOverrides.Parsed.Invalid invalid) {
            throw DomainException.invalid(key.jsonName(), String.join("; ", invalid.problems()) + ".");
        }
        return TierValue.of(raw);
    }

    /** How a tier's own statement reads in a text field: "" when it inherits. */
    public static String show(SettingKey key, TierValue<?> value) {
        if (value instanceof TierValue.Value<?> v) {
            return show(key, v.value());
        }
        return value.isPresent() ? (key == SettingKey.MAX_AGE ? "off" : "default") : "";
    }

    /** How a resolved value reads, e.g. {@code 2h}, {@code off}, {@code on}. */
    public static String show(SettingKey key, Object value) {
        if (value == null) {
            return "off";
        }
        if (key == SettingKey.MAX_AGE && value instanceof Integer seconds) {
            return seconds == 0 ? "off" : duration(seconds);
        }
        if (value instanceof Boolean b) {
            return b ? "on" : "off";
        }
        return String.valueOf(value);
    }

    private static String duration(int seconds) {
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    /** Seconds, or null for "no limit". */
    private static Integer age(String t) {
        if (t.equals("off") || t.equals("none") || t.equals("disabled") || t.equals("0")) {
            return null;
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw DomainException.invalid("maxAge", "maxAge must be a duration such as 30m, 2h or 1d (at most 30d),"
                    + " or off; got '" + t + "'.");
        }
        long n = Long.parseLong(m.group(1));
        long seconds = switch (m.group(2)) {
            case "m" -> n * 60;
            case "h" -> n * 3_600;
            case "d" -> n * 86_400;
            default -> n;
        };
        return (int) Math.min(seconds, Integer.MAX_VALUE);
    }

    private static Boolean bool(SettingKey key, String t) {
        return switch (t) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw DomainException.invalid(key.jsonName(), key.jsonName() + " must be on or off (or auto);"
                    + " got '" + t + "'.");
        };
    }

    private static Integer integer(SettingKey key, String t) {
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(key.jsonName(), key.jsonName() + " must be a whole number (or auto); got '"
                    + t + "'.");
        }
    }

    private static Double number(SettingKey key, String t) {
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(key.jsonName(), key.jsonName() + " must be a number from 0 to 1 (or auto);"
                    + " got '" + t + "'.");
        }
    }
}
