package io.tzurot.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tzurot.core.model.EmbeddingModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Times every embedding ({@code tzurot_embedding_seconds}: its count is the number of embeddings) and counts the CPU
 * the embedding threads spent in them ({@code tzurot_embedding_cpu_seconds_total}), so a process's CPU without its
 * embeddings is measured (the benchmarks subtract it), not guessed.
 */
final class MeteredEmbeddingModel implements EmbeddingModel {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final EmbeddingModel delegate;
    private final Timer time;
    private final Counter cpu;
    private final boolean cpuTimed;

    MeteredEmbeddingModel(EmbeddingModel delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.time = Timer.builder("tzurot.embedding").description("Text embeddings computed, and their time")
                .serviceLevelObjectives(MeteredReplies.BUCKETS).register(registry);
        this.cpu = Counter.builder("tzurot.embedding.cpu").baseUnit("seconds")
                .description("CPU time of the threads computing text embeddings, while they computed them")
                .register(registry);
        this.cpuTimed = THREADS.isCurrentThreadCpuTimeSupported();
    }

    @Override
    public float[] embed(String text) {
        // ONNX runs on the calling thread alone (one intra-op thread), so the thread's CPU is the embedding's
        long before = cpuTimed ? THREADS.getCurrentThreadCpuTime() : 0;
        try {
            return time.record(() -> delegate.embed(text));
        } finally {
            if (cpuTimed) {
                cpu.increment((THREADS.getCurrentThreadCpuTime() - before) / 1e9);
            }
        }
    }
}
