package io.tzurot.testkit.discord.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.state.SimGuild;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway conversation on one connection: HELLO on open; heartbeats acknowledged at any time (JDA may
 * heartbeat before it identifies); IDENTIFY answered with READY and one GUILD_CREATE per guild; RESUME answered
 * with the missed dispatches and RESUMED, or INVALID_SESSION when the session is unknown. IDENTIFY may name a
 * shard ({@code [id, total]}); the session then gets only its shard's guilds, routed as Discord routes them.
 */
public final class GatewayProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayProtocol.class);

    private final GatewayHub hub;
    private final ReadyPayloads payloads;
    private final byte[] token;
    private final int heartbeatIntervalMillis;
    private final Supplier<String> resumeUrl;
    private final Map<GatewayConnection, GatewaySession> bound = new ConcurrentHashMap<>();
    private final io.tzurot.testkit.discord.activity.ActivityLog activity;

    public GatewayProtocol(GatewayHub hub, ReadyPayloads payloads, String token, int heartbeatIntervalMillis,
                           Supplier<String> resumeUrl) {
        this(hub, payloads, token, heartbeatIntervalMillis, resumeUrl, null);
    }

    /** The same, recording each PRESENCE_UPDATE the bot sends in {@code activity} (when not null). */
    public GatewayProtocol(GatewayHub hub, ReadyPayloads payloads, String token, int heartbeatIntervalMillis,
                           Supplier<String> resumeUrl, io.tzurot.testkit.discord.activity.ActivityLog activity) {
        this.activity = activity;
        this.hub = hub;
        this.payloads = payloads;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.heartbeatIntervalMillis = heartbeatIntervalMillis;
        this.resumeUrl = resumeUrl;
    }

    public void onOpen(GatewayConnection connection) {
        hub.opened(connection);
        ObjectNode hello = Json.object().put("op", GatewayOp.HELLO);
        hello.putObject("d").put("heartbeat_interval", heartbeatIntervalMillis);
        connection.send(Json.write(hello));
    }

    /** {@code code} is the close code the client sent, or 1006 when the socket simply went away. */
    public void onClose(GatewayConnection connection, int code) {
        GatewaySession session = bound.remove(connection);
        hub.closed(connection);
        if (session != null && (code == 1000 || code == 1001)) {
            hub.ended(session);
        }
    }

    public void onText(GatewayConnection connection, String text) {
        JsonNode frame;
        try {
            frame = Json.parse(text);
        } catch (IllegalArgumentException e) {
            connection.close(GatewayOp.CLOSE_DECODE_ERROR, "Decode error");
            return;
        }
        int op = frame.path("op").asInt(-1);
        JsonNode data = frame.path("d");
        switch (op) {
            case GatewayOp.HEARTBEAT -> connection.send("{\"op\":" + GatewayOp.HEARTBEAT_ACK + "}");
            case GatewayOp.IDENTIFY -> identify(connection, data);
            case GatewayOp.RESUME -> resume(connection, data);
            case GatewayOp.PRESENCE_UPDATE, GatewayOp.VOICE_STATE_UPDATE -> {
                if (!bound.containsKey(connection)) {
                    connection.close(GatewayOp.CLOSE_NOT_AUTHENTICATED, "Not authenticated");
                } else if (op == GatewayOp.PRESENCE_UPDATE && activity != null) {
                    activity.record(new io.tzurot.testkit.discord.activity.BotActivity.PresenceUpdated(data));
                }
            }
            case GatewayOp.REQUEST_GUILD_MEMBERS -> {
                try {
                    requestMembers(connection, data);
                } catch (IllegalArgumentException e) {
                    connection.close(GatewayOp.CLOSE_DECODE_ERROR, "Decode error");
                }
            }
            default -> {
                LOG.warn("gateway: unknown opcode {}", op);
                connection.close(GatewayOp.CLOSE_UNKNOWN_OPCODE, "Unknown opcode");
            }
        }
    }

    private void identify(GatewayConnection connection, JsonNode data) {
        if (bound.containsKey(connection)) {
            connection.close(GatewayOp.CLOSE_ALREADY_AUTHENTICATED, "Already authenticated");
            return;
        }
        if (!tokenMatches(data.path("token").asText())) {
            LOG.warn("gateway: IDENTIFY with a wrong token");
            connection.close(GatewayOp.CLOSE_AUTHENTICATION_FAILED, "Authentication failed");
            return;
        }
        long intents = data.path("intents").asLong(0);
        JsonNode shard = data.path("shard");
        boolean named = !shard.isMissingNode() && !shard.isNull();
        int shardId = named ? shard.path(0).asInt(-1) : 0;
        int shardTotal = named ? shard.path(1).asInt(0) : 1;
        if (named && shard.size() != 2 || !GatewaySession.validShard(shardId, shardTotal)) {
            LOG.warn("gateway: IDENTIFY with an invalid shard {}", shard);
            connection.close(GatewayOp.CLOSE_INVALID_SHARD, "Invalid shard");
            return;
        }
        String sessionId = UUID.randomUUID().toString().replace("-", "");
        LOG.info("gateway: IDENTIFY intents={} shard=[{}, {}] -> session {}", intents, shardId, shardTotal, sessionId);
        // The session is locked before it becomes visible, so no other dispatch slips in before READY.
        GatewaySession session = new GatewaySession(sessionId, intents, shardId, shardTotal, connection);
        synchronized (session) {
            hub.register(session);
            bound.put(connection, session);
            List<SimGuild> guilds = payloads.guildsOf(session);
            session.dispatch("READY", payloads.ready(sessionId, resumeUrl.get(), guilds, shardId, shardTotal));
            guilds.forEach(g -> session.dispatch("GUILD_CREATE", payloads.guildCreate(g, intents)));
        }
    }

    /** Member chunking (JDA does it when GUILD_MEMBERS is enabled with a chunking filter); one chunk per guild. */
    private void requestMembers(GatewayConnection connection, JsonNode data) {
        GatewaySession session = bound.get(connection);
        if (session == null) {
            connection.close(GatewayOp.CLOSE_NOT_AUTHENTICATED, "Not authenticated");
            return;
        }
        if (!Intents.has(session.intents(), Intents.GUILD_MEMBERS)) {
            // Discord refuses member requests without the privileged intent by closing with 4013/4014.
            connection.close(4014, "Disallowed intent(s)");
            return;
        }
        List<Long> guildIds = snowflakes(data.path("guild_id"));
        List<Long> userIds = snowflakes(data.path("user_ids"));
        String query = data.path("query").asText("");
        for (long guildId : guildIds) {
            if (payloads.guildsOf(session).stream().noneMatch(g -> g.id() == guildId)) {
                continue;
            }
            session.dispatch("GUILD_MEMBERS_CHUNK", payloads.membersChunk(guildId, userIds, query, data.get("nonce")));
        }
    }

    /** A snowflake field that may be a single id or an array of ids, as strings or numbers. */
    private static List<Long> snowflakes(JsonNode node) {
        List<Long> ids = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> ids.add(n.isNumber() ? n.longValue() : Long.parseUnsignedLong(n.asText())));
        } else if (!node.isMissingNode() && !node.isNull()) {
            ids.add(node.isNumber() ? node.longValue() : Long.parseUnsignedLong(node.asText()));
        }
        return ids;
    }

    private void resume(GatewayConnection connection, JsonNode data) {
        String sessionId = data.path("session_id").asText();
        int lastSeen = data.path("seq").asInt(0);
        if (!tokenMatches(data.path("token").asText())) {
            connection.close(GatewayOp.CLOSE_AUTHENTICATION_FAILED, "Authentication failed");
            return;
        }
        GatewaySession session = hub.session(sessionId).orElse(null);
        if (session == null || !session.resume(connection, lastSeen)) {
            LOG.info("gateway: RESUME of unknown session {} refused", sessionId);
            connection.send("{\"op\":" + GatewayOp.INVALID_SESSION + ",\"d\":false}");
            return;
        }
        bound.put(connection, session);
        hub.resumed();
        LOG.info("gateway: RESUME of session {} after seq {}", sessionId, lastSeen);
        session.dispatch("RESUMED", Json.object());
    }

    private boolean tokenMatches(String offered) {
        return MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8));
    }
}
