package io.tzurot.web.chat;

import io.tzurot.core.model.EmbeddingModel;
import java.util.Locale;

/**
 * A deterministic stand-in for the BGE model: each lower-cased word adds to one of 384 buckets, then the
 * vector is L2-normalised. Texts that share words are close; texts that share none score 0. Counts calls so
 * tests can see that an edit re-embeds.
 */
public final class WordHashEmbeddingModel implements EmbeddingModel {

    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public float[] embed(String text) {
        calls.incrementAndGet();
        float[] v = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1f;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1f; // an empty text still needs a unit vector
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    public int calls() {
        return calls.get();
    }
}
