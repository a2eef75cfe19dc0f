package io.tzurot.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tzurot.core.model.EmbeddingModel;

/** Times every embedding ({@code tzurot_embedding_seconds}: its count is the number of embeddings). */
final class MeteredEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel delegate;
    private final Timer time;

    MeteredEmbeddingModel(EmbeddingModel delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.time = Timer.builder("tzurot.embedding").description("Text embeddings computed, and their time")
                .serviceLevelObjectives(MeteredReplies.BUCKETS).register(registry);
    }

    @Override
    public float[] embed(String text) {
        return time.record(() -> delegate.embed(text));
    }
}
