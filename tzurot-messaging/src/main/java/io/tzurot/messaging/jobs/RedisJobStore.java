package io.tzurot.messaging.jobs;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.UnblockType;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.tzurot.core.messaging.DeadLetter;
import io.tzurot.core.messaging.Job;
import io.tzurot.core.messaging.JobRequest;
import io.tzurot.core.messaging.QueueSettings;
import io.tzurot.core.messaging.QueueStats;
import io.tzurot.core.messaging.Submission;
import io.tzurot.messaging.redis.RedisMessaging;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A job queue on Redis Streams: the jobs stream read by the consumer group {@value #GROUP}, a hash per job
 * (state, attempts; its existence is the idempotency check), a sorted set of retries waiting out their
 * backoff, and a dead-letter stream. Workers renew held entries with XCLAIM and take over silent workers'
 * entries with XAUTOCLAIM after the visibility timeout.
 */
final class RedisJobStore implements QueueBackend {

    static final String GROUP = "workers";
    private static final int PROMOTE_BATCH = 500;

    private record Reader(StatefulRedisConnection<String, String> connection, long clientId) {
    }

    private final RedisMessaging redis;
    private final QueueSettings settings;
    private final String stream;
    private final String delayed;
    private final String dead;
    private final String completedCounter;
    private final String failedCounter;
    private final String hashPrefix;
    private final Map<String, Reader> readers = new ConcurrentHashMap<>();

    RedisJobStore(RedisMessaging redis, QueueSettings settings) {
        this.redis = redis;
        this.settings = settings;
        String base = redis.key("q", settings.name());
        this.stream = base + ":jobs";
        this.delayed = base + ":delayed";
        this.dead = base + ":dead";
        this.completedCounter = base + ":completed";
        this.failedCounter = base + ":failed";
        this.hashPrefix = base + ":job:";
        createGroup();
    }

    private void createGroup() {
        try {
            redis.commands().xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), GROUP, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // BUSYGROUP: another process created it first.
        }
    }

    @Override
    public Submission submit(JobRequest request) {
        long created = RedisJobScripts.SUBMIT.run(redis.commands(), ScriptOutputType.INTEGER,
                new String[] {hashPrefix + request.idempotencyKey(), stream},
                request.idempotencyKey(), request.type(), request.payload(), millis(settings.idempotencyWindow()), now());
        return new Submission(request.idempotencyKey(), created == 1);
    }

    @Override
    public void attach(String consumer) {
        StatefulRedisConnection<String, String> connection = redis.openDedicated();
        Reader reader = new Reader(connection, connection.sync().clientId());
        if (readers.putIfAbsent(consumer, reader) != null) {
            connection.close();
            throw new IllegalStateException("a worker named " + consumer + " already consumes queue " + settings.name());
        }
    }

    @Override
    public void detach(String consumer) {
        Reader reader = readers.remove(consumer);
        if (reader != null) {
            reader.connection().close();
        }
    }

    @Override
    @SuppressWarnings("unchecked") // Lettuce's varargs of generic StreamOffset
    public List<Delivery> fetch(String consumer, int max, Duration wait) {
        Reader reader = readers.get(consumer);
        if (reader == null) {
            throw new IllegalStateException("worker " + consumer + " is not attached");
        }
        List<StreamMessage<String, String>> entries;
        try {
            // Under load jobs are already waiting: read and start them in one round trip.
            List<Delivery> ready = readWaiting(consumer, max);
            if (!ready.isEmpty()) {
                return ready;
            }
            entries = reader.connection().sync().xreadgroup(Consumer.from(GROUP, consumer),
                    XReadArgs.Builder.count(max).block(Math.max(1, wait.toMillis())),
                    XReadArgs.StreamOffset.lastConsumed(stream));
        } catch (RedisCommandExecutionException e) {
            recreateGroupIfLost(e);
            return List.of();
        }
        return begin(consumer, entries);
    }

    /** Jobs already waiting for the group, read and started by one script; empty when none were waiting. */
    private List<Delivery> readWaiting(String consumer, int max) {
        while (true) {
            List<Object> rows = RedisJobScripts.READ.run(redis.commands(), ScriptOutputType.MULTI,
                    new String[] {stream, dead, failedCounter}, GROUP, hashPrefix, Integer.toString(settings.retry().maxAttempts()),
                    millis(settings.idempotencyWindow()), now(), consumer, Integer.toString(max));
            List<Delivery> out = new ArrayList<>(rows.size());
            for (Object row : rows) {
                List<?> f = (List<?>) row;
                long attempt = (Long) f.get(4);
                if (attempt > 0) {
                    Job job = new Job((String) f.get(1), (String) f.get(2), (String) f.get(3), (int) attempt);
                    out.add(new Delivery(job, (String) f.get(0), consumer));
                }
            }
            // Entries that were all finished already say nothing about what else waits: look again.
            if (!out.isEmpty() || rows.isEmpty()) {
                return out;
            }
        }
    }

    /** A Redis that restarted without persistence has lost the group: create it again and carry on. */
    private void recreateGroupIfLost(RedisCommandExecutionException e) {
        if (!String.valueOf(e.getMessage()).contains("NOGROUP")) {
            throw e;
        }
        createGroup();
    }

    @Override
    public List<Delivery> recover(String consumer, int max) {
        try {
            var claimed = redis.commands().xautoclaim(stream,
                    XAutoClaimArgs.Builder.xautoclaim(Consumer.from(GROUP, consumer), settings.visibilityTimeout(), "0-0").count(max));
            return begin(consumer, claimed.getMessages());
        } catch (RedisCommandExecutionException e) {
            recreateGroupIfLost(e);
            return List.of();
        }
    }

    private List<Delivery> begin(String consumer, List<StreamMessage<String, String>> entries) {
        if (entries == null || entries.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of(GROUP, hashPrefix,
                Integer.toString(settings.retry().maxAttempts()), millis(settings.idempotencyWindow()), now()));
        for (StreamMessage<String, String> entry : entries) {
            args.add(entry.getId());
            args.add(entry.getBody().getOrDefault("id", ""));
        }
        List<Long> attempts = RedisJobScripts.BEGIN.run(redis.commands(), ScriptOutputType.MULTI,
                new String[] {stream, dead, failedCounter}, args.toArray(String[]::new));
        List<Delivery> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            long attempt = attempts.get(i);
            Map<String, String> body = entries.get(i).getBody();
            if (attempt > 0) {
                Job job = new Job(body.get("id"), body.getOrDefault("type", ""), body.getOrDefault("payload", ""), (int) attempt);
                out.add(new Delivery(job, entries.get(i).getId(), consumer));
            }
        }
        return out;
    }

    @Override
    public void complete(Delivery delivery) {
        RedisJobScripts.COMPLETE.run(redis.commands(), ScriptOutputType.INTEGER,
                new String[] {stream, hashPrefix + delivery.job().id(), completedCounter},
                GROUP, delivery.token(), millis(settings.idempotencyWindow()));
    }

    @Override
    public void fail(Delivery delivery, String reason, boolean retryable) {
        Job job = delivery.job();
        long backoff = settings.retry().backoffAfter(job.attempt()).toMillis();
        RedisJobScripts.FAIL.run(redis.commands(), ScriptOutputType.INTEGER,
                new String[] {stream, hashPrefix + job.id(), delayed, dead, failedCounter},
                GROUP, delivery.token(), delivery.consumer(), job.id(), job.type(), job.payload(), reason,
                retryable ? "1" : "0", Integer.toString(settings.retry().maxAttempts()), Long.toString(backoff), now());
    }

    @Override
    public void release(Delivery delivery) {
        Job job = delivery.job();
        RedisJobScripts.RELEASE.run(redis.commands(), ScriptOutputType.INTEGER,
                new String[] {stream, hashPrefix + job.id()},
                GROUP, delivery.token(), delivery.consumer(), job.id(), job.type(), job.payload());
    }

    @Override
    public void renew(String consumer, Collection<Delivery> held) {
        String[] ids = held.stream().map(Delivery::token).toArray(String[]::new);
        if (ids.length > 0) {
            // Claiming one's own entries resets their idle time: the sign of life XAUTOCLAIM looks for.
            redis.commands().xclaim(stream, Consumer.from(GROUP, consumer), XClaimArgs.Builder.justid().minIdleTime(0), ids);
        }
    }

    @Override
    public Duration promoteDueRetries() {
        long now = System.currentTimeMillis();
        long next = RedisJobScripts.PROMOTE.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {delayed, stream},
                Long.toString(now), Integer.toString(PROMOTE_BATCH), hashPrefix);
        return next < 0 ? maintenanceInterval() : Duration.ofMillis(Math.max(0, next - now));
    }

    @Override
    public Duration maintenanceInterval() {
        return settings.visibilityTimeout().dividedBy(3);
    }

    @Override
    public void wakeUp(String consumer) {
        Reader reader = readers.get(consumer);
        if (reader != null) {
            redis.commands().clientUnblock(reader.clientId(), UnblockType.TIMEOUT);
        }
    }

    @Override
    public QueueStats stats() {
        List<Long> values = RedisJobScripts.STATS.run(redis.commands(), ScriptOutputType.MULTI,
                new String[] {stream, delayed, dead, completedCounter, failedCounter}, GROUP);
        return new QueueStats(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4));
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        RedisCommands<String, String> commands = redis.commands();
        return commands.xrange(dead, Range.unbounded(), Limit.from(limit)).stream().map(entry -> {
            Map<String, String> f = entry.getBody();
            return new DeadLetter(f.get("id"), f.getOrDefault("type", ""), f.getOrDefault("payload", ""),
                    Integer.parseInt(f.getOrDefault("attempts", "0")), f.getOrDefault("error", ""),
                    Instant.ofEpochMilli(Long.parseLong(f.getOrDefault("failedAt", "0"))));
        }).toList();
    }

    @Override
    public boolean retryDeadLetter(String jobId) {
        long done = RedisJobScripts.RETRY_DEAD.run(redis.commands(), ScriptOutputType.INTEGER,
                new String[] {hashPrefix + jobId, dead, stream}, jobId, millis(settings.idempotencyWindow()));
        return done == 1;
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis());
    }
}
