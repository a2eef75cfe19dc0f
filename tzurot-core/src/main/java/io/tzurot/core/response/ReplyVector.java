package io.tzurot.core.response;

import java.util.Arrays;
import java.util.Objects;

/** The embedding of a reply, for the semantic duplicate check. Immutable. */
public final class ReplyVector {

    private final float[] values;

    /** A vector holding a copy of {@code values}. */
    public ReplyVector(float[] values) {
        Objects.requireNonNull(values, "values must not be null");
        if (values.length == 0) {
            throw new IllegalArgumentException("values must not be empty");
        }
        this.values = values.clone();
    }

    /** Number of dimensions. */
    public int dimensions() {
        return values.length;
    }

    /** Cosine similarity with {@code other}; both must have the same dimensions. */
    public double cosine(ReplyVector other) {
        return TextSimilarity.cosine(values, other.values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplyVector v && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ReplyVector[" + values.length + " dims]";
    }
}
