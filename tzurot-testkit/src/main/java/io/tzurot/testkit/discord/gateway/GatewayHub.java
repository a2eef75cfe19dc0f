package io.tzurot.testkit.discord.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.testkit.discord.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * All gateway sessions of the simulated bot. Dispatches go to every session whose intents allow them, with
 * message content blanked for sessions that lack the MESSAGE_CONTENT intent, as Discord does.
 */
public final class GatewayHub {

    private final long selfId;
    private final Map<String, GatewaySession> sessions = new ConcurrentHashMap<>();
    private final List<GatewayConnection> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();

    public GatewayHub(long selfId) {
        this.selfId = selfId;
    }

    void opened(GatewayConnection connection) {
        connections.add(connection);
    }

    void closed(GatewayConnection connection) {
        connections.remove(connection);
        sessions.values().forEach(s -> s.detach(connection));
    }

    void register(GatewaySession session) {
        sessions.put(session.id(), session);
        identifies.incrementAndGet();
    }

    /** A session the client ended deliberately (close code 1000 or 1001) cannot be resumed, as on Discord. */
    void ended(GatewaySession session) {
        sessions.remove(session.id());
    }

    Optional<GatewaySession> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    void resumed() {
        resumes.incrementAndGet();
    }

    /**
     * Sends an event to every session entitled to it: by intents ({@code inGuild} decides between guild and DM
     * intents) and by shard, from the payload's {@code guild_id} (guild-less events go to shard 0).
     */
    public void dispatch(String type, ObjectNode data, boolean inGuild) {
        Optional<Long> required = Intents.requiredFor(type, inGuild);
        Optional<Long> guild = inGuild && data.hasNonNull("guild_id") ? Optional.of(Json.snowflake(data, "guild_id"))
                : Optional.empty();
        for (GatewaySession session : sessions.values()) {
            if (required.isPresent() && !Intents.has(session.intents(), required.get())) {
                continue;
            }
            if (guild.map(session::receives).orElse(inGuild || session.shardId() == 0)) {
                session.dispatch(type, visibleTo(session, type, data, inGuild));
            }
        }
    }

    /**
     * Sends an event about {@code guildId} whose payload depends on the session, such as GUILD_CREATE (members
     * depend on intents), to the sessions of the guild's shard.
     */
    public void dispatchPerSession(String type, long guildId, Function<GatewaySession, ObjectNode> payload) {
        Optional<Long> required = Intents.requiredFor(type, true);
        for (GatewaySession session : sessions.values()) {
            if ((required.isEmpty() || Intents.has(session.intents(), required.get()))
                    && session.receives(guildId)) {
                session.dispatch(type, payload.apply(session));
            }
        }
    }

    private JsonNode visibleTo(GatewaySession session, String type, ObjectNode data, boolean inGuild) {
        boolean messageEvent = type.equals("MESSAGE_CREATE") || type.equals("MESSAGE_UPDATE");
        if (!messageEvent || !inGuild || Intents.has(session.intents(), Intents.MESSAGE_CONTENT)
                || authoredOrMentioned(data)) {
            return data;
        }
        ObjectNode masked = data.deepCopy();
        masked.put("content", "");
        masked.putArray("embeds");
        masked.putArray("attachments");
        masked.putArray("components");
        return masked;
    }

    private boolean authoredOrMentioned(ObjectNode message) {
        String self = Json.id(selfId);
        if (self.equals(message.path("author").path("id").asText())) {
            return true;
        }
        for (JsonNode mention : message.path("mentions")) {
            if (self.equals(mention.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Drops every open connection with {@code code}; sessions survive so clients can RESUME. */
    public void dropConnections(int code, String reason) {
        connections.forEach(c -> c.close(code, reason));
    }

    /** Forgets every session, so the next RESUME is refused with INVALID_SESSION and the client re-identifies. */
    public void invalidateSessions() {
        sessions.clear();
    }

    public int identifyCount() {
        return identifies.get();
    }

    public int resumeCount() {
        return resumes.get();
    }

    public int openConnections() {
        return connections.size();
    }
}
