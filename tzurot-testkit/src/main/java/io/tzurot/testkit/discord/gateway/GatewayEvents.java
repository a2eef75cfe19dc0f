package io.tzurot.testkit.discord.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.testkit.discord.json.EntityJson;
import io.tzurot.testkit.discord.json.GuildJson;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.json.MessageJson;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMember;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimRole;
import io.tzurot.testkit.discord.state.SimStore;
import java.time.Instant;
import java.util.Optional;

/** Turns changes in the simulated world into the gateway dispatches Discord would send for them. */
public final class GatewayEvents {

    private final GatewayHub hub;
    private final SimStore store;
    private final EntityJson entities;
    private final MessageJson messages;
    private final GuildJson guilds;
    private final long selfId;

    public GatewayEvents(GatewayHub hub, SimStore store, EntityJson entities, MessageJson messages, GuildJson guilds,
                         long selfId) {
        this.hub = hub;
        this.store = store;
        this.entities = entities;
        this.messages = messages;
        this.guilds = guilds;
        this.selfId = selfId;
    }

    public void messageCreated(SimMessage message) {
        hub.dispatch("MESSAGE_CREATE", messages.message(message), inGuild(message.channelId()));
    }

    public void messageUpdated(SimMessage message) {
        hub.dispatch("MESSAGE_UPDATE", messages.message(message), inGuild(message.channelId()));
    }

    public void messageDeleted(long channelId, long messageId) {
        ObjectNode data = Json.object().put("id", Json.id(messageId)).put("channel_id", Json.id(channelId));
        guildOf(channelId).ifPresent(g -> data.put("guild_id", Json.id(g)));
        hub.dispatch("MESSAGE_DELETE", data, guildOf(channelId).isPresent());
    }

    /** {@code userId} reacted to a message with a unicode {@code emoji}: MESSAGE_REACTION_ADD. */
    public void reactionAdded(SimMessage message, long userId, String emoji) {
        ObjectNode data = reaction(message, userId, emoji);
        data.put("message_author_id", Json.id(message.author() instanceof io.tzurot.testkit.discord.state.MessageAuthor.User u
                ? u.userId() : message.author() instanceof io.tzurot.testkit.discord.state.MessageAuthor.Webhook w
                ? w.webhookId() : selfId));
        data.put("burst", false).put("type", 0).set("burst_colors", Json.array());
        guildOf(message.channelId()).ifPresent(g -> store.member(g, userId)
                .ifPresent(m -> data.set("member", entities.member(m, true))));
        hub.dispatch("MESSAGE_REACTION_ADD", data, inGuild(message.channelId()));
    }

    /** {@code userId}'s reaction was taken off: MESSAGE_REACTION_REMOVE. */
    public void reactionRemoved(SimMessage message, long userId, String emoji) {
        ObjectNode data = reaction(message, userId, emoji);
        data.put("burst", false).put("type", 0);
        hub.dispatch("MESSAGE_REACTION_REMOVE", data, inGuild(message.channelId()));
    }

    private ObjectNode reaction(SimMessage message, long userId, String emoji) {
        ObjectNode data = Json.object().put("user_id", Json.id(userId)).put("channel_id", Json.id(message.channelId()))
                .put("message_id", Json.id(message.id()));
        guildOf(message.channelId()).ifPresent(g -> data.put("guild_id", Json.id(g)));
        data.putObject("emoji").putNull("id").put("name", emoji);
        return data;
    }

    public void typing(long channelId, long userId) {
        ObjectNode data = Json.object().put("channel_id", Json.id(channelId)).put("user_id", Json.id(userId))
                .put("timestamp", Instant.now().getEpochSecond());
        Optional<Long> guild = guildOf(channelId);
        guild.ifPresent(g -> {
            data.put("guild_id", Json.id(g));
            store.member(g, userId).ifPresent(m -> data.set("member", entities.member(m, true)));
        });
        hub.dispatch("TYPING_START", data, guild.isPresent());
    }

    /** A guild the bot joined after READY arrives as a fresh GUILD_CREATE. */
    public void guildJoined(SimGuild guild) {
        Instant joined = Instant.now();
        hub.dispatchPerSession("GUILD_CREATE", guild.id(), session -> guilds.guildCreate(guild, selfId,
                Intents.has(session.intents(), Intents.GUILD_MEMBERS), joined));
    }

    /** The bot left or was removed from a guild: GUILD_DELETE without {@code unavailable}. */
    public void guildLeft(long guildId) {
        hub.dispatchPerSession("GUILD_DELETE", guildId, session -> Json.object().put("id", Json.id(guildId)));
    }

    public void channelCreated(SimChannel channel) {
        hub.dispatch(channel.typeCode() >= 10 ? "THREAD_CREATE" : "CHANNEL_CREATE", entities.channel(channel), true);
    }

    public void channelUpdated(SimChannel channel) {
        hub.dispatch(channel.typeCode() >= 10 ? "THREAD_UPDATE" : "CHANNEL_UPDATE", entities.channel(channel), true);
    }

    public void roleCreated(SimRole role) {
        hub.dispatch("GUILD_ROLE_CREATE", roleEvent(role), true);
    }

    public void roleUpdated(SimRole role) {
        hub.dispatch("GUILD_ROLE_UPDATE", roleEvent(role), true);
    }

    public void memberAdded(SimMember member) {
        ObjectNode data = entities.member(member, true).put("guild_id", Json.id(member.guildId()));
        hub.dispatch("GUILD_MEMBER_ADD", data, true);
    }

    public void memberUpdated(SimMember member) {
        ObjectNode data = entities.member(member, true).put("guild_id", Json.id(member.guildId()));
        hub.dispatch("GUILD_MEMBER_UPDATE", data, true);
    }

    public void webhooksUpdated(long guildId, long channelId) {
        hub.dispatch("WEBHOOKS_UPDATE", Json.object().put("guild_id", Json.id(guildId))
                .put("channel_id", Json.id(channelId)), true);
    }

    public void interactionCreated(ObjectNode interaction) {
        hub.dispatch("INTERACTION_CREATE", interaction, interaction.has("guild_id"));
    }

    private ObjectNode roleEvent(SimRole role) {
        ObjectNode data = Json.object().put("guild_id", Json.id(role.guildId()));
        data.set("role", entities.role(role));
        return data;
    }

    private boolean inGuild(long channelId) {
        return guildOf(channelId).isPresent();
    }

    private Optional<Long> guildOf(long channelId) {
        return store.channel(channelId).flatMap(SimChannel::guild);
    }
}
