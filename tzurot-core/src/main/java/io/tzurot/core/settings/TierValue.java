package io.tzurot.core.settings;

import java.util.Objects;

/**
 * A setting as one tier states it: absent (inherit from lower tiers), explicitly cleared ("no value",
 * which still overrides lower tiers), or set to a value.
 */
public sealed interface TierValue<T> {

    /** The key is absent: the tier says nothing and lower tiers apply. */
    record Inherit<T>() implements TierValue<T> {
    }

    /** The key is present with an explicit null: the setting's "no value" meaning, overriding lower tiers. */
    record Cleared<T>() implements TierValue<T> {
    }

    /** The key is present with a value. */
    record Value<T>(T value) implements TierValue<T> {
        public Value {
            Objects.requireNonNull(value, "value");
        }
    }

    static <T> TierValue<T> inherit() {
        return new Inherit<>();
    }

    static <T> TierValue<T> cleared() {
        return new Cleared<>();
    }

    static <T> TierValue<T> of(T value) {
        return new Value<>(value);
    }

    /** True unless the tier is silent about this setting. */
    default boolean isPresent() {
        return !(this instanceof Inherit);
    }
}
