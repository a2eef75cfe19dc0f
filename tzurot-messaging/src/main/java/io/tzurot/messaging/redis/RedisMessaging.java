package io.tzurot.messaging.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One Redis client for the messaging adapters of a process: a shared connection for ordinary commands
 * (Lettuce multiplexes it across threads), dedicated connections for blocking reads and pub/sub, and the key
 * prefix under which every key lives (so deployments and test suites can share one Redis).
 */
public final class RedisMessaging implements AutoCloseable {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    static {
        // Lettuce's Flight Recorder events (connections, reconnects) load ~60 JFR classes into every start; nothing here
        // records them. -Dio.lettuce.core.jfr=true brings them back.
        if (System.getProperty("io.lettuce.core.jfr") == null) {
            System.setProperty("io.lettuce.core.jfr", "false");
        }
    }

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> shared;
    private final String prefix;

    private RedisMessaging(RedisClient client, String prefix) {
        this.client = client;
        this.prefix = prefix.endsWith(":") ? prefix : prefix + ":";
        this.shared = client.connect();
    }

    /**
     * Connects to {@code redisUrl} (redis:// or rediss://, credentials allowed) with every key under
     * {@code keyPrefix}. Fails when Redis cannot be reached; the URL is never put in the message, as it may
     * hold a password.
     */
    public static RedisMessaging connect(String redisUrl, String keyPrefix) {
        Objects.requireNonNull(redisUrl, "redisUrl");
        if (keyPrefix == null || !PREFIX.matcher(keyPrefix).matches()) {
            throw new IllegalArgumentException("Redis key prefix must be 1-64 letters, digits or _.:- characters");
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(redisUrl);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Redis URL is not valid (expected redis://host:port)");
        }
        uri.setTimeout(Duration.ofSeconds(10));
        RedisClient client = RedisClient.create(resources(), uri);
        try {
            return new RedisMessaging(client, keyPrefix);
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("cannot connect to Redis at " + uri.getHost() + ":" + uri.getPort()
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Lettuce's own resources, without its per-command latency histograms: nothing reads them, and with LatencyUtils
     * on the class path (Micrometer brings it) each command paid for a record and three pause-detector threads woke
     * every 10 ms in every process. The resources are the client's own, shut down with it.
     */
    private static ClientResources resources() {
        return ClientResources.builder().commandLatencyRecorder(CommandLatencyRecorder.disabled()).build();
    }

    /** Whether Lettuce records each command's latency (never: see {@link #resources()}). */
    public boolean recordsCommandLatency() {
        return client.getResources().commandLatencyRecorder().isEnabled();
    }

    /** {@code prefix + parts joined by ':'}. */
    public String key(String... parts) {
        return prefix + String.join(":", parts);
    }

    /** The prefix every key starts with, ending in ':'. */
    public String prefix() {
        return prefix;
    }

    /** Commands on the shared connection; safe from any thread, never for blocking commands. */
    public RedisCommands<String, String> commands() {
        return shared.sync();
    }

    /**
     * The same shared connection's commands without waiting for their answers: they are sent in the order they are
     * made, after the commands already made on it.
     */
    public io.lettuce.core.api.async.RedisAsyncCommands<String, String> asyncCommands() {
        return shared.async();
    }

    /** Whether the shared connection is connected right now (false while it reconnects after Redis went away). */
    public boolean connected() {
        return shared.isOpen();
    }

    /** A connection of one's own, for blocking reads; the caller closes it. */
    public StatefulRedisConnection<String, String> openDedicated() {
        return client.connect();
    }

    /** A pub/sub connection; the caller closes it. */
    public StatefulRedisPubSubConnection<String, String> openPubSub() {
        return client.connectPubSub();
    }

    @Override
    public void close() {
        shared.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        client.getResources().shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }
}
