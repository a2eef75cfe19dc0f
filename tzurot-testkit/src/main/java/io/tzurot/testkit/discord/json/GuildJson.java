package io.tzurot.testkit.discord.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMember;
import io.tzurot.testkit.discord.state.SimStore;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimThreadChannel;
import java.time.Instant;

/** The GUILD_CREATE payload: a guild with its roles, channels, threads and members. */
public final class GuildJson {

    /** JDA accepts only Discord's AFK timeouts (60, 300, 900, 1800, 3600 s); zero breaks guild setup. */
    private static final int AFK_TIMEOUT_SECONDS = 300;

    private final SimStore store;
    private final EntityJson entities;

    public GuildJson(SimStore store, EntityJson entities) {
        this.store = store;
        this.entities = entities;
    }

    /**
     * Without the GUILD_MEMBERS intent Discord sends only the bot's own member; with it, every member.
     * The bot's member must always be present, or JDA has no self member.
     */
    public ObjectNode guildCreate(SimGuild guild, long selfId, boolean allMembers, Instant joinedAt) {
        ObjectNode json = Json.object()
                .put("id", Json.id(guild.id()))
                .put("name", guild.name())
                .put("owner_id", Json.id(guild.ownerId()))
                .put("afk_timeout", AFK_TIMEOUT_SECONDS)
                .put("verification_level", 0)
                .put("default_message_notifications", 0)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", guild.nsfwLevel())
                .put("premium_tier", 0)
                .put("premium_subscription_count", 0)
                .put("preferred_locale", "en-US")
                .put("large", false)
                .put("unavailable", false)
                .put("joined_at", Json.timestamp(joinedAt))
                .put("member_count", store.members(guild.id()).size());
        json.putNull("icon");
        json.putNull("afk_channel_id");
        json.putNull("system_channel_id");
        json.putNull("description");
        json.putArray("features");
        ArrayNode roles = json.putArray("roles");
        store.roles(guild.id()).forEach(r -> roles.add(entities.role(r)));
        ArrayNode channels = json.putArray("channels");
        ArrayNode threads = json.putArray("threads");
        for (SimChannel channel : store.channels(guild.id())) {
            if (channel instanceof SimTextChannel) {
                channels.add(entities.channel(channel));
            } else if (channel instanceof SimThreadChannel) {
                threads.add(entities.channel(channel));
            }
        }
        ArrayNode members = json.putArray("members");
        for (SimMember member : store.members(guild.id())) {
            if (allMembers || member.userId() == selfId) {
                members.add(entities.member(member, true));
            }
        }
        for (String empty : new String[] {"emojis", "stickers", "voice_states", "presences",
                "guild_scheduled_events", "stage_instances", "soundboard_sounds"}) {
            json.putArray(empty);
        }
        return json;
    }
}
