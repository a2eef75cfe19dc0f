package io.tzurot.testkit.discord.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.testkit.discord.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A gateway session: the sequence counter and every dispatch sent in it, so that a client that RESUMEs after a
 * dropped connection receives what it missed. The session outlives its connections, as on Discord.
 */
public final class GatewaySession {

    private record Sent(int sequence, String frame) {
    }

    /** Like Discord, only a bounded backlog can be replayed; older sessions must identify again. */
    static final int MAX_REPLAY = 5_000;

    private final String id;
    private final long intents;
    private final int shardId;
    private final int shardTotal;
    private final List<Sent> history = new ArrayList<>();
    private int sequence;
    private GatewayConnection connection;

    /** A session of shard {@code shardId} out of {@code shardTotal}, as named in IDENTIFY's {@code shard} array. */
    public GatewaySession(String id, long intents, int shardId, int shardTotal, GatewayConnection connection) {
        if (!validShard(shardId, shardTotal)) {
            throw new IllegalArgumentException("invalid shard [" + shardId + ", " + shardTotal + "]");
        }
        this.id = id;
        this.intents = intents;
        this.shardId = shardId;
        this.shardTotal = shardTotal;
        this.connection = connection;
    }

    public static boolean validShard(int shardId, int shardTotal) {
        return shardTotal >= 1 && shardId >= 0 && shardId < shardTotal;
    }

    /** Discord's routing: a guild's events go to shard {@code (guild_id >> 22) % shard_total}; DMs go to shard 0. */
    public static int shardOf(long guildId, int shardTotal) {
        return (int) ((guildId >>> 22) % shardTotal);
    }

    /** Whether this session receives the events of guild {@code guildId}. */
    public boolean receives(long guildId) {
        return shardOf(guildId, shardTotal) == shardId;
    }

    public int shardId() {
        return shardId;
    }

    public String id() {
        return id;
    }

    public long intents() {
        return intents;
    }

    /** Sends (or, while disconnected, only records) a dispatch with the next sequence number. */
    public synchronized void dispatch(String type, JsonNode data) {
        sequence++;
        ObjectNode frame = Json.object().put("op", GatewayOp.DISPATCH).put("t", type).put("s", sequence);
        frame.set("d", data);
        String text = Json.write(frame);
        history.add(new Sent(sequence, text));
        if (history.size() > MAX_REPLAY) {
            history.remove(0);
        }
        if (connection != null) {
            connection.send(text);
        }
    }

    /** Attaches a resumed connection and replays every dispatch after {@code lastSeen}; false if it cannot. */
    public synchronized boolean resume(GatewayConnection newConnection, int lastSeen) {
        boolean replayable = history.isEmpty() || lastSeen >= history.get(0).sequence() - 1;
        if (lastSeen > sequence || !replayable) {
            return false;
        }
        connection = newConnection;
        history.stream().filter(s -> s.sequence() > lastSeen).forEach(s -> newConnection.send(s.frame()));
        return true;
    }

    public synchronized void detach(GatewayConnection closed) {
        if (connection == closed) {
            connection = null;
        }
    }

    public synchronized Optional<GatewayConnection> connection() {
        return Optional.ofNullable(connection);
    }

    public synchronized int sequence() {
        return sequence;
    }
}
