package io.tzurot.core.model;

/** Port for text embeddings: 384-dim, L2-normalised vectors (BGE-small), so cosine = dot product. */
public interface EmbeddingModel {

    /** Dimensions of every vector this model returns. */
    int DIMENSIONS = 384;

    /** Embeds {@code text}; CPU-bound, call it off latency-sensitive threads. */
    float[] embed(String text);
}
