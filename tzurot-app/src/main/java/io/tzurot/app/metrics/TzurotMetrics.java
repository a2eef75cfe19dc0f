package io.tzurot.app.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tzurot.app.cache.CacheCatalog;
import io.tzurot.app.wiring.ModelComponents;
import io.tzurot.core.reply.ReplyMetrics;
import io.tzurot.messaging.cache.InvalidatingCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The metrics of one process: a Prometheus registry with the JVM and process meters bound, and the adapters
 * that report into it. Every meter on a reply's path is registered up front (or once per provider or cache),
 * and no label carries a user, channel or request id, so the series count stays small and fixed.
 */
public final class TzurotMetrics implements AutoCloseable {

    /** {@code text/plain} exposition format version 0.0.4, which every Prometheus scrapes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final MeteredReplies replies;
    private final Timer queueLag;
    private final Clock clock;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** Sources of function meters, held here because Micrometer keeps only weak references to them. */
    private final java.util.List<Object> sources = new java.util.concurrent.CopyOnWriteArrayList<>();

    public TzurotMetrics(String role, Clock clock) {
        this.clock = clock;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("role", role);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        this.replies = new MeteredReplies(registry);
        this.queueLag = Timer.builder("tzurot.queue.lag")
                .description("Time from a reply request's arrival to a worker taking its job")
                .serviceLevelObjectives(MeteredReplies.BUCKETS).register(registry);
    }

    /** The registry, for adapters and tests. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The whole registry in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** The engine's port: stage times and outcomes. */
    public ReplyMetrics replies() {
        return replies;
    }

    /** {@code models} with the chat and embedding calls counted and timed. */
    public ModelComponents instrument(ModelComponents models, String defaultBaseUrl) {
        return new ModelComponents(new MeteredChatModel(models.chat(), registry, defaultBaseUrl),
                new MeteredEmbeddingModel(models.embeddings(), registry), models.tokens(), models.vision(),
                models.transcriber(), models.attachments());
    }

    /** A worker took the job of a request that arrived at {@code receivedAt} (another host's clock: never negative). */
    public void jobTaken(Instant receivedAt) {
        long nanos = Duration.between(receivedAt, clock.instant()).toNanos();
        queueLag.record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** Watches the counts of the queue named {@code name} (pending, in flight, dead letters, done, failed). */
    public void watchQueue(String name, io.tzurot.core.messaging.JobQueue queue) {
        sources.add(QueueGauges.register(registry, name, queue));
    }

    /** Reports each repository cache's hits, misses, evictions and size as it is built. */
    public CacheCatalog caches() {
        return this::watchCache;
    }

    private void watchCache(String name, InvalidatingCache<?, ?> cache) {
        sources.add(cache);
        Tags tags = Tags.of("cache", name);
        FunctionCounter.builder("cache.gets", cache, c -> c.stats().hits()).tags(tags).tag("result", "hit")
                .description("Repository cache lookups answered from memory").register(registry);
        FunctionCounter.builder("cache.gets", cache, c -> c.stats().misses()).tags(tags).tag("result", "miss")
                .description("Repository cache lookups that read the database").register(registry);
        FunctionCounter.builder("cache.evictions", cache, c -> c.stats().evictions()).tags(tags)
                .description("Entries dropped for size or age").register(registry);
        Gauge.builder("cache.size", cache, InvalidatingCache::estimatedSize).tags(tags)
                .description("Entries held").register(registry);
    }

    /** Watches a running Discord bot: gateway ping per shard and gateway events by type. */
    public void watchDiscord(io.tzurot.discord.bot.DiscordBot bot) {
        sources.add(DiscordMeters.register(registry, bot));
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
