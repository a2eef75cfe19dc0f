package io.tzurot.messaging.results;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.UnblockType;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.tzurot.core.messaging.ResultStream;
import io.tzurot.core.messaging.StreamHandler;
import io.tzurot.core.messaging.StreamSettings;
import io.tzurot.core.messaging.Subscription;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distributed profile's result stream: a Redis Stream (trimmed to about {@code maxLength}) read by
 * consumer groups. A message is acknowledged (XACK) once its handler returns; an unconfirmed one, whether
 * its handler failed or its consumer died, is claimed again with XAUTOCLAIM after the redelivery delay.
 * Publishing is deduplicated by message id with a marker key.
 */
public final class RedisResultStream implements ResultStream {

    private static final Logger LOG = LoggerFactory.getLogger(RedisResultStream.class);
    private static final int BATCH = 10;
    private static final long MAX_BLOCK_MILLIS = 250;

    /** KEYS: marker, stream. ARGV: dedupMs, maxLength, id, type, payload. */
    private static final RedisScript PUBLISH = new RedisScript("""
            if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
            redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'id', ARGV[3], 'type', ARGV[4], 'payload', ARGV[5])
            return 1
            """);

    /** KEYS: stream. ARGV: group. The group's pending count; 0 when the stream or group does not exist. */
    private static final RedisScript UNCONFIRMED = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            for _, g in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
              local name, pending
              for i = 1, #g, 2 do
                if g[i] == 'name' then name = g[i + 1] elseif g[i] == 'pending' then pending = g[i + 1] end
              end
              if name == ARGV[1] then return pending end
            end
            return 0
            """);

    private final RedisMessaging redis;
    private final StreamSettings settings;
    private final String stream;
    private final String markerPrefix;
    private final Map<String, Reader> readers = new ConcurrentHashMap<>();

    public RedisResultStream(RedisMessaging redis, StreamSettings settings) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stream = redis.key("results", settings.name());
        this.markerPrefix = redis.key("results", settings.name(), "published") + ":";
    }

    @Override
    public StreamSettings settings() {
        return settings;
    }

    @Override
    public boolean publish(io.tzurot.core.messaging.StreamMessage message) {
        Objects.requireNonNull(message, "message");
        long added = PUBLISH.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {markerPrefix + message.id(), stream},
                Long.toString(settings.dedupWindow().toMillis()), Long.toString(settings.maxLength()),
                message.id(), message.type(), message.payload());
        return added == 1;
    }

    @Override
    public Subscription consume(String group, String consumerName, StreamHandler handler) {
        StreamArgs.name(group, "group");
        StreamArgs.name(consumerName, "consumerName");
        StreamArgs.handler(handler);
        createGroup(group);
        String key = group + "/" + consumerName;
        if (readers.containsKey(key)) {
            throw new IllegalStateException("consumer " + consumerName + " already reads group " + group);
        }
        Reader reader = new Reader(group, consumerName, handler);
        if (readers.putIfAbsent(key, reader) != null) {
            reader.connection.close();
            throw new IllegalStateException("consumer " + consumerName + " already reads group " + group);
        }
        reader.thread.start();
        return reader;
    }

    private void createGroup(String group) {
        try {
            redis.commands().xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // BUSYGROUP: the group exists already.
        }
    }

    @Override
    public long unconfirmed(String group) {
        StreamArgs.name(group, "group");
        long count = UNCONFIRMED.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {stream}, group);
        return count;
    }

    @Override
    public void close() {
        List.copyOf(readers.values()).forEach(Reader::close);
    }

    /** One consumer: its own connection for blocking reads, delivering in stream order. */
    private final class Reader implements Subscription {
        private final String group;
        private final String name;
        private final StreamHandler handler;
        private final Thread thread;
        private final StatefulRedisConnection<String, String> connection;
        private final long clientId;
        private volatile boolean running = true;
        private long nextClaimNanos;

        Reader(String group, String name, StreamHandler handler) {
            this.group = group;
            this.name = name;
            this.handler = handler;
            this.connection = redis.openDedicated();
            this.clientId = connection.sync().clientId();
            this.thread = new Thread(this::loop, "tzurot-results-" + group + "-" + name);
            this.thread.setDaemon(true);
        }

        @SuppressWarnings("unchecked") // Lettuce's varargs of generic StreamOffset
        private void loop() {
            RedisCommands<String, String> commands = connection.sync();
            Consumer<String> me = Consumer.from(group, name);
            boolean ownBacklog = true; // first re-read what a previous life of this consumer left unconfirmed
            while (running) {
                try {
                    if (ownBacklog) {
                        List<StreamMessage<String, String>> mine = commands.xreadgroup(me, XReadArgs.Builder.count(100),
                                XReadArgs.StreamOffset.from(stream, "0"));
                        deliverAll(mine);
                        ownBacklog = false;
                        nextClaimNanos = System.nanoTime() + settings.redeliveryDelay().toNanos();
                    }
                    long now = System.nanoTime();
                    if (now - nextClaimNanos >= 0) {
                        var claimed = commands.xautoclaim(stream,
                                XAutoClaimArgs.Builder.xautoclaim(me, settings.redeliveryDelay(), "0-0").count(BATCH));
                        deliverAll(claimed.getMessages());
                        nextClaimNanos = now + Math.max(TimeUnit.MILLISECONDS.toNanos(50), settings.redeliveryDelay().toNanos() / 2);
                    }
                    long block = Math.max(1, Math.min(MAX_BLOCK_MILLIS, TimeUnit.NANOSECONDS.toMillis(nextClaimNanos - System.nanoTime())));
                    deliverAll(commands.xreadgroup(me, XReadArgs.Builder.count(BATCH).block(block),
                            XReadArgs.StreamOffset.lastConsumed(stream)));
                } catch (RedisCommandExecutionException e) {
                    if (running && String.valueOf(e.getMessage()).contains("NOGROUP")) {
                        // Redis restarted without persistence: the group is gone, so make it again.
                        createGroup(group);
                    } else if (running) {
                        LOG.warn("result stream reader {}/{} failed; retrying in 1 s", group, name, e);
                        sleepQuietly();
                    }
                } catch (RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    LOG.warn("result stream reader {}/{} failed; retrying in 1 s", group, name, e);
                    sleepQuietly();
                }
            }
        }

        /**
         * Delivers in order, then confirms the batch with one XACK that is not waited for: the reader's next command
         * follows it on the same connection, so confirming costs no round trip of its own. A confirmation lost with
         * the connection only means a redelivery after the delay, which at-least-once delivery allows.
         */
        private void deliverAll(List<StreamMessage<String, String>> entries) {
            if (entries == null || entries.isEmpty()) {
                return;
            }
            List<String> done = new ArrayList<>(entries.size());
            for (StreamMessage<String, String> entry : entries) {
                Map<String, String> body = entry.getBody();
                if (body == null || !body.containsKey("id")) {
                    done.add(entry.getId()); // trimmed away: nothing left to deliver
                    continue;
                }
                try {
                    handler.deliver(new io.tzurot.core.messaging.StreamMessage(body.get("id"),
                            body.getOrDefault("type", "unknown"), body.getOrDefault("payload", "")));
                    done.add(entry.getId());
                } catch (Exception e) {
                    LOG.warn("delivery of {} failed; it will be delivered again after {}", body.get("id"),
                            settings.redeliveryDelay(), e);
                }
            }
            if (!done.isEmpty()) {
                connection.async().xack(stream, group, done.toArray(String[]::new)).exceptionally(e -> {
                    LOG.debug("confirmation of {} results in {} failed; they are delivered again: {}", done.size(),
                            group, e.toString());
                    return 0L;
                });
            }
        }

        private void sleepQuietly() {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                running = false;
            }
        }

        @Override
        public void close() {
            if (!readers.remove(group + "/" + name, this)) {
                return;
            }
            running = false;
            try {
                redis.commands().clientUnblock(clientId, UnblockType.TIMEOUT);
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                connection.close();
            }
        }
    }
}
