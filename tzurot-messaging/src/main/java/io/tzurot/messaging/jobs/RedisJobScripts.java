package io.tzurot.messaging.jobs;

import io.tzurot.messaging.redis.RedisScript;

/**
 * The Lua scripts that keep a Redis job queue consistent: each state change (stream entry, job hash,
 * retry set, dead-letter stream, counters) happens in one atomic step, whichever process runs it.
 * A job hash holds state (queued|active|delayed|completed|dead), attempt, type, payload, error.
 */
final class RedisJobScripts {

    private RedisJobScripts() {
    }

    /** Moves the job at hash {@code h} to the dead-letter stream and keeps its hash until it is retried. */
    private static final String BURY = """
            local function bury(h, id, dead, failedAt, err)
              local f = redis.call('HMGET', h, 'type', 'payload', 'attempt')
              local deadId = redis.call('XADD', dead, '*', 'id', id, 'type', f[1] or '', 'payload', f[2] or '',
                'attempts', f[3] or '0', 'error', err, 'failedAt', failedAt)
              redis.call('HSET', h, 'state', 'dead', 'error', err, 'deadEntry', deadId)
              redis.call('PERSIST', h)
            end
            local function owned(stream, group, entry, consumer)
              local p = redis.call('XPENDING', stream, group, entry, entry, 1)
              return #p == 1 and p[1][2] == consumer
            end
            """;

    /** KEYS: hash, stream. ARGV: id, type, payload, windowMs, nowMs. Returns 1 when queued, 0 when known. */
    static final RedisScript SUBMIT = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'type', ARGV[2], 'payload', ARGV[3], 'attempt', 0, 'state', 'queued', 'submitted', ARGV[5])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            redis.call('XADD', KEYS[2], '*', 'id', ARGV[1], 'type', ARGV[2], 'payload', ARGV[3])
            return 1
            """);

    /**
     * Starts one delivered entry (KEYS: stream, dead, failed counter; ARGV: group, hash prefix, maxAttempts,
     * windowMs, nowMs): the attempt number, or 0 when the entry must not run (job already finished, or its
     * worker died on the last attempt: dead-lettered).
     */
    private static final String START = """
            local function start(entry, id)
              local h = ARGV[2] .. id
              local state = redis.call('HGET', h, 'state')
              if state == 'completed' or state == 'dead' then
                redis.call('XACK', KEYS[1], ARGV[1], entry)
                redis.call('XDEL', KEYS[1], entry)
                return 0
              end
              local attempt = redis.call('HINCRBY', h, 'attempt', 1)
              if attempt > tonumber(ARGV[3]) then
                redis.call('HINCRBY', h, 'attempt', -1)
                bury(h, id, KEYS[2], ARGV[5], 'worker stopped responding on the last attempt')
                redis.call('INCR', KEYS[3])
                redis.call('XACK', KEYS[1], ARGV[1], entry)
                redis.call('XDEL', KEYS[1], entry)
                return 0
              end
              redis.call('HSET', h, 'state', 'active', 'entry', entry)
              redis.call('PEXPIRE', h, ARGV[4])
              return attempt
            end
            """;

    /** Starts entries read elsewhere: ARGV as for START, then (entryId, jobId) pairs; returns attempts per pair. */
    static final RedisScript BEGIN = new RedisScript(BURY + START + """
            local out = {}
            for i = 6, #ARGV, 2 do
              out[#out + 1] = start(ARGV[i], ARGV[i + 1])
            end
            return out
            """);

    /**
     * Reads up to ARGV[7] new entries for consumer ARGV[6] without blocking and starts them, in one step.
     * KEYS and ARGV[1..5] as for START. Returns {entryId, id, type, payload, attempt} per entry read.
     */
    static final RedisScript READ = new RedisScript(BURY + START + """
            local got = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[6], 'COUNT', ARGV[7], 'STREAMS', KEYS[1], '>')
            local out = {}
            if not got then return out end
            for _, e in ipairs(got[1][2]) do
              local f = {}
              for i = 1, #e[2], 2 do f[e[2][i]] = e[2][i + 1] end
              local attempt = 0
              if f['id'] then attempt = start(e[1], f['id']) else
                redis.call('XACK', KEYS[1], ARGV[1], e[1])
                redis.call('XDEL', KEYS[1], e[1])
              end
              out[#out + 1] = {e[1], f['id'] or '', f['type'] or '', f['payload'] or '', attempt}
            end
            return out
            """);

    /**
     * KEYS: stream, hash, completed counter. ARGV: group, entryId, windowMs. Returns 1 when newly completed.
     * Only the delivery the job's hash is running now completes it: after a Redis restart without persistence the
     * hash is gone (or belongs to the same job submitted again), and marking it completed would keep that new
     * submission from ever running, though the old delivery's result may have been lost with the old Redis.
     */
    static final RedisScript COMPLETE = new RedisScript("""
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            local f = redis.call('HMGET', KEYS[2], 'state', 'entry')
            if f[1] ~= 'active' or f[2] ~= ARGV[2] then return 0 end
            redis.call('HSET', KEYS[2], 'state', 'completed')
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            redis.call('INCR', KEYS[3])
            return 1
            """);

    /**
     * KEYS: stream, hash, delayed set, dead stream, failed counter. ARGV: group, entryId, consumer, id, type,
     * payload, reason, retryable (1|0), maxAttempts, backoffMs, nowMs. Returns 1 retried, 2 dead, 0 not ours.
     */
    static final RedisScript FAIL = new RedisScript(BURY + """
            if not owned(KEYS[1], ARGV[1], ARGV[2], ARGV[3]) then return 0 end
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            redis.call('INCR', KEYS[5])
            redis.call('HSET', KEYS[2], 'type', ARGV[5], 'payload', ARGV[6], 'error', ARGV[7])
            local attempt = tonumber(redis.call('HGET', KEYS[2], 'attempt') or '1')
            if ARGV[8] ~= '1' or attempt >= tonumber(ARGV[9]) then
              bury(KEYS[2], ARGV[4], KEYS[4], ARGV[11], ARGV[7])
              return 2
            end
            redis.call('HSET', KEYS[2], 'state', 'delayed')
            redis.call('ZADD', KEYS[3], tonumber(ARGV[11]) + tonumber(ARGV[10]), ARGV[4])
            return 1
            """);

    /** KEYS: stream, hash. ARGV: group, entryId, consumer, id, type, payload. Requeues without counting. */
    static final RedisScript RELEASE = new RedisScript(BURY + """
            if not owned(KEYS[1], ARGV[1], ARGV[2], ARGV[3]) then return 0 end
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            redis.call('HINCRBY', KEYS[2], 'attempt', -1)
            redis.call('HSET', KEYS[2], 'state', 'queued')
            redis.call('XADD', KEYS[1], '*', 'id', ARGV[4], 'type', ARGV[5], 'payload', ARGV[6])
            return 1
            """);

    /** KEYS: delayed set, stream. ARGV: nowMs, limit, hash prefix. Returns when the next retry is due (ms), or -1. */
    static final RedisScript PROMOTE = new RedisScript("""
            local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
            for _, id in ipairs(ids) do
              redis.call('ZREM', KEYS[1], id)
              local h = ARGV[3] .. id
              local f = redis.call('HMGET', h, 'state', 'type', 'payload')
              if f[1] == 'delayed' then
                redis.call('HSET', h, 'state', 'queued')
                redis.call('XADD', KEYS[2], '*', 'id', id, 'type', f[2] or '', 'payload', f[3] or '')
              end
            end
            local next = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            if #next == 0 then return -1 end
            return tonumber(next[2])
            """);

    /** KEYS: hash, dead stream, stream. ARGV: id, windowMs. Returns 1 when the dead letter was requeued. */
    static final RedisScript RETRY_DEAD = new RedisScript("""
            local f = redis.call('HMGET', KEYS[1], 'state', 'deadEntry', 'type', 'payload')
            if f[1] ~= 'dead' then return 0 end
            if f[2] then redis.call('XDEL', KEYS[2], f[2]) end
            redis.call('HSET', KEYS[1], 'state', 'queued', 'attempt', 0)
            redis.call('HDEL', KEYS[1], 'deadEntry')
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            redis.call('XADD', KEYS[3], '*', 'id', ARGV[1], 'type', f[3] or '', 'payload', f[4] or '')
            return 1
            """);

    /** KEYS: stream, delayed, dead, completed, failed. ARGV: group. Returns pending, inFlight, completed, failed, dead. */
    static final RedisScript STATS = new RedisScript("""
            local summary = redis.pcall('XPENDING', KEYS[1], ARGV[1])
            local inFlight = 0
            if type(summary) == 'table' and summary.err == nil then inFlight = summary[1] end
            local waiting = redis.call('XLEN', KEYS[1]) - inFlight
            if waiting < 0 then waiting = 0 end
            return {waiting + redis.call('ZCARD', KEYS[2]), inFlight,
              tonumber(redis.call('GET', KEYS[4]) or '0'), tonumber(redis.call('GET', KEYS[5]) or '0'),
              redis.call('XLEN', KEYS[3])}
            """);
}
