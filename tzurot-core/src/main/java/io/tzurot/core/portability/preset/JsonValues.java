package io.tzurot.core.portability.preset;

import io.tzurot.core.failure.DomainException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from a parsed JSON object (maps, lists, strings, numbers, booleans as a JSON parser gives
 * them); a value of the wrong type is an invalid-field error naming the field and the expected type.
 */
final class JsonValues {

    private JsonValues() {
    }

    static String string(Map<String, ?> m, String key, String field) {
        Object raw = m.get(key);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String s)) {
            throw DomainException.invalid(field, "'" + field + "' must be text, not " + kind(raw) + ".");
        }
        return s;
    }

    static Double number(Map<String, ?> m, String key, String field) {
        Object raw = m.get(key);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw DomainException.invalid(field, "'" + field + "' must be a number, not " + kind(raw) + ".");
        }
        return n.doubleValue();
    }

    static Long whole(Map<String, ?> m, String key, String field) {
        Object raw = m.get(key);
        if (raw == null) {
            return null;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (raw instanceof Number n && isWhole(n)) {
            return n.longValue();
        }
        throw DomainException.invalid(field, "'" + field + "' must be a whole number, not " + kind(raw) + ".");
    }

    static Integer integer(Map<String, ?> m, String key, String field) {
        Long n = whole(m, key, field);
        if (n == null) {
            return null;
        }
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw DomainException.invalid(field, "'" + field + "' is out of range.");
        }
        return n.intValue();
    }

    static Boolean bool(Map<String, ?> m, String key, String field) {
        Object raw = m.get(key);
        if (raw == null || raw instanceof Boolean) {
            return (Boolean) raw;
        }
        throw DomainException.invalid(field, "'" + field + "' must be true or false, not " + kind(raw) + ".");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, ?> m, String key, String field) {
        Object raw = m.get(key);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Map<?, ?>)) {
            throw DomainException.invalid(field, "'" + field + "' must be an object, not " + kind(raw) + ".");
        }
        return (Map<String, Object>) raw;
    }

    /** A list of non-empty strings of at most {@code maxLength} characters, at most {@code maxItems} of them. */
    static List<String> strings(Object raw, String field, int maxItems, int maxLength) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof List<?> list)) {
            throw DomainException.invalid(field, "'" + field + "' must be a list of text, not " + kind(raw) + ".");
        }
        if (list.size() > maxItems) {
            throw DomainException.invalid(field, "'" + field + "' holds " + list.size() + " items; at most " + maxItems
                    + " are allowed.");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isEmpty() || s.length() > maxLength) {
                throw DomainException.invalid(field, "'" + field + "' must hold text of 1-" + maxLength + " characters.");
            }
            out.add(s);
        }
        return out;
    }

    /** How a JSON value's type reads in an error message. */
    static String kind(Object raw) {
        if (raw == null) {
            return "null";
        }
        if (raw instanceof String) {
            return "text";
        }
        if (raw instanceof Number) {
            return "a number";
        }
        if (raw instanceof Boolean) {
            return "true/false";
        }
        if (raw instanceof List<?>) {
            return "a list";
        }
        if (raw instanceof Map<?, ?>) {
            return "an object";
        }
        return raw.getClass().getSimpleName();
    }

    private static boolean isWhole(Number n) {
        if (n instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
        }
        double v = n.doubleValue();
        return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 9.0e18;
    }
}
