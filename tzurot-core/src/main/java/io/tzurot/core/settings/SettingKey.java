package io.tzurot.core.settings;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The settings of the config-overrides cascade, each with its JSON key, built-in default and the
 * values a tier may hold. An explicit null at a tier means "use the built-in default and ignore lower
 * tiers" - for {@link #MAX_AGE} the built-in default is null, i.e. no age limit.
 */
public enum SettingKey {
    /** Short-term history messages fetched, 1-100. */
    MAX_MESSAGES("maxMessages", 50),
    /** History age cut in seconds, 0-2 592 000; null = unlimited. */
    MAX_AGE("maxAge", null),
    /** Images described from extended context, 0-20 (0 = off). */
    MAX_IMAGES("maxImages", 10),
    /** Minimum cosine similarity for long-term memories, 0-1. */
    MEMORY_SCORE_THRESHOLD("memoryScoreThreshold", 0.5),
    /** Maximum long-term memories retrieved, 0-100; 0 = retrieval off. */
    MEMORY_LIMIT("memoryLimit", 20),
    /** Skip long-term memory retrieval (memories are still saved). */
    FOCUS_MODE_ENABLED("focusModeEnabled", false),
    /** Show the model footer under replies. */
    SHOW_MODEL_FOOTER("showModelFooter", true);

    static final int MAX_AGE_SECONDS = 2_592_000;
    static final int MEMORY_LIMIT_MAX = 100;

    private final String jsonName;
    private final Object hardcodedDefault;

    SettingKey(String jsonName, Object hardcodedDefault) {
        this.jsonName = jsonName;
        this.hardcodedDefault = hardcodedDefault;
    }

    /** The key in the config-overrides JSON. */
    public String jsonName() {
        return jsonName;
    }

    /**
     * Whether a channel's tier may set it: what the channel shares (how much history and how many images are
     * read, the model footer under replies). Memory settings stay personal: a channel's moderators cannot
     * change what is recalled of someone's memories.
     */
    public boolean perChannel() {
        return switch (this) {
            case MAX_MESSAGES, MAX_AGE, MAX_IMAGES, SHOW_MODEL_FOOTER -> true;
            case MEMORY_SCORE_THRESHOLD, MEMORY_LIMIT, FOCUS_MODE_ENABLED -> false;
        };
    }

    /** The built-in value, used when no tier sets the setting or a tier clears it. */
    public Object hardcodedDefault() {
        return hardcodedDefault;
    }

    /** The setting whose JSON key this is. */
    public static Optional<SettingKey> fromJsonName(String name) {
        for (SettingKey key : values()) {
            if (key.jsonName.equals(name)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /**
     * Converts a raw JSON value (Number or Boolean) into this setting's type.
     *
     * @throws IllegalArgumentException naming the key and the allowed range
     */
    Object coerce(Object raw) {
        return switch (this) {
            case MAX_MESSAGES -> integer(raw, 1, 100);
            case MAX_AGE -> integer(raw, 0, MAX_AGE_SECONDS);
            case MAX_IMAGES -> integer(raw, 0, 20);
            case MEMORY_LIMIT -> integer(raw, 0, MEMORY_LIMIT_MAX);
            case MEMORY_SCORE_THRESHOLD -> fraction(raw);
            case FOCUS_MODE_ENABLED, SHOW_MODEL_FOOTER -> bool(raw);
        };
    }

    private Integer integer(Object raw, int min, int max) {
        if (raw instanceof Number n && isIntegral(n)) {
            long v = n.longValue();
            if (v >= min && v <= max) {
                return (int) v;
            }
        }
        throw new IllegalArgumentException(jsonName + " must be an integer from " + min + " to " + max + ", got " + raw);
    }

    private Double fraction(Object raw) {
        if (raw instanceof Number n) {
            double v = n.doubleValue();
            if (v >= 0 && v <= 1) {
                return v;
            }
        }
        throw new IllegalArgumentException(jsonName + " must be a number from 0 to 1, got " + raw);
    }

    private Boolean bool(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(jsonName + " must be true or false, got " + raw);
    }

    private static boolean isIntegral(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return true;
        }
        if (n instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0;
        }
        double d = n.doubleValue();
        return !Double.isInfinite(d) && d == Math.rint(d);
    }
}
