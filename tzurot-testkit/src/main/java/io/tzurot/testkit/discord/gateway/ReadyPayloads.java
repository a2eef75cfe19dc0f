package io.tzurot.testkit.discord.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.testkit.discord.json.EntityJson;
import io.tzurot.testkit.discord.json.GuildJson;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMember;
import io.tzurot.testkit.discord.state.SimStore;
import io.tzurot.testkit.discord.state.SimUser;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Builds READY and the GUILD_CREATE burst that follows it for a newly identified session. */
public final class ReadyPayloads {

    private final SimStore store;
    private final EntityJson entities;
    private final GuildJson guilds;
    private final SimUser self;
    private final Instant joinedAt = Instant.now();

    public ReadyPayloads(SimStore store, EntityJson entities, GuildJson guilds, SimUser self) {
        this.store = store;
        this.entities = entities;
        this.guilds = guilds;
        this.self = self;
    }

    /** READY lists the guilds as unavailable stubs; each then arrives in full as GUILD_CREATE. */
    public ObjectNode ready(String sessionId, String resumeUrl, List<SimGuild> guildList, int shardId, int shardTotal) {
        ObjectNode ready = Json.object()
                .put("v", 10)
                .put("session_id", sessionId)
                .put("resume_gateway_url", resumeUrl);
        ObjectNode user = entities.user(self).put("verified", true).put("mfa_enabled", false).put("flags", 0);
        ready.set("user", user);
        ArrayNode stubs = ready.putArray("guilds");
        guildList.forEach(g -> stubs.addObject().put("id", Json.id(g.id())).put("unavailable", true));
        ready.putArray("private_channels");
        ready.putArray("shard").add(shardId).add(shardTotal);
        ready.putObject("application").put("id", Json.id(self.id())).put("flags", 0);
        return ready;
    }

    public ObjectNode guildCreate(SimGuild guild, long intents) {
        return guilds.guildCreate(guild, self.id(), Intents.has(intents, Intents.GUILD_MEMBERS), joinedAt);
    }

    /**
     * The single GUILD_MEMBERS_CHUNK answering a REQUEST_GUILD_MEMBERS for one guild: every member, or only
     * those in {@code userIds} when the request named users, or those whose name starts with {@code query}.
     */
    public ObjectNode membersChunk(long guildId, List<Long> userIds, String query, JsonNode nonce) {
        ObjectNode chunk = Json.object().put("guild_id", Json.id(guildId)).put("chunk_index", 0).put("chunk_count", 1);
        ArrayNode members = chunk.putArray("members");
        ArrayNode notFound = Json.array();
        List<SimMember> all = store.members(guildId);
        for (SimMember member : all) {
            SimUser user = store.user(member.userId()).orElseThrow();
            boolean wanted = userIds.isEmpty()
                    ? user.username().toLowerCase(Locale.ROOT).startsWith(query.toLowerCase(Locale.ROOT))
                    : userIds.contains(member.userId());
            if (wanted) {
                members.add(entities.member(member, true));
            }
        }
        userIds.stream().filter(id -> all.stream().noneMatch(m -> m.userId() == id))
                .forEach(id -> notFound.add(Json.id(id)));
        if (!userIds.isEmpty()) {
            chunk.set("not_found", notFound);
        }
        if (nonce != null && !nonce.isMissingNode() && !nonce.isNull()) {
            chunk.set("nonce", nonce);
        }
        return chunk;
    }

    /** The guilds the bot is in that belong to {@code session}'s shard. */
    public List<SimGuild> guildsOf(GatewaySession session) {
        return store.guilds().stream().filter(g -> store.member(g.id(), self.id()).isPresent())
                .filter(g -> session.receives(g.id())).toList();
    }
}
