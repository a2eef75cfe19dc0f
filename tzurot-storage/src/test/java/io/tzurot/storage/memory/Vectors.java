package io.tzurot.storage.memory;

import io.tzurot.core.memory.NewMemory;

/** Synthetic unit vectors whose cosine similarity to {@link #query()} is chosen exactly. */
final class Vectors {

    private Vectors() {
    }

    /** The first basis vector. */
    static float[] query() {
        float[] v = new float[NewMemory.DIMENSIONS];
        v[0] = 1f;
        return v;
    }

    /** A unit vector in the plane of the first two axes with cosine {@code score} to {@link #query()}. */
    static float[] withScore(double score) {
        float[] v = new float[NewMemory.DIMENSIONS];
        v[0] = (float) score;
        v[1] = (float) Math.sqrt(1.0 - score * score);
        return v;
    }
}
