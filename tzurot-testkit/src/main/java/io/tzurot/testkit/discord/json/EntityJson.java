package io.tzurot.testkit.discord.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.testkit.discord.state.PermissionOverwrite;
import io.tzurot.testkit.discord.state.SimAttachment;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimDmChannel;
import io.tzurot.testkit.discord.state.SimMember;
import io.tzurot.testkit.discord.state.SimRole;
import io.tzurot.testkit.discord.state.SimStore;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimThreadChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.discord.state.SimWebhook;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Discord JSON for users, roles, members, channels, webhooks and attachments. */
public final class EntityJson {

    private final SimStore store;
    private final Supplier<String> origin;

    /** {@code origin} gives the simulator's {@code http://host:port} (known once it listens), for attachment URLs. */
    public EntityJson(SimStore store, Supplier<String> origin) {
        this.store = store;
        this.origin = origin;
    }

    public ObjectNode user(SimUser user) {
        ObjectNode json = Json.object()
                .put("id", Json.id(user.id()))
                .put("username", user.username())
                .put("discriminator", "0")
                .put("bot", user.bot())
                .put("public_flags", 0);
        json.put("global_name", user.globalName());
        json.putNull("avatar");
        return json;
    }

    public ObjectNode role(SimRole role) {
        ObjectNode json = Json.object()
                .put("id", Json.id(role.id()))
                .put("name", role.name())
                .put("color", role.color())
                .put("position", role.position())
                .put("permissions", Long.toString(role.permissions()))
                .put("hoist", false)
                .put("managed", false)
                .put("mentionable", false)
                .put("flags", 0);
        json.putNull("icon");
        json.putNull("unicode_emoji");
        return json;
    }

    /** A member; {@code withUser} is false inside MESSAGE_CREATE, where the author object carries the user. */
    public ObjectNode member(SimMember member, boolean withUser) {
        ObjectNode json = Json.object();
        if (withUser) {
            json.set("user", user(store.user(member.userId()).orElseThrow()));
        }
        ArrayNode roles = json.putArray("roles");
        member.roleIds().forEach(id -> roles.add(Json.id(id)));
        json.put("nick", member.nick());
        json.put("joined_at", Json.timestamp(member.joinedAt()))
                .put("deaf", false)
                .put("mute", false)
                .put("pending", false)
                .put("flags", 0);
        json.putNull("avatar");
        json.putNull("premium_since");
        return json;
    }

    public ObjectNode channel(SimChannel channel) {
        if (channel instanceof SimTextChannel text) {
            return textChannel(text);
        }
        if (channel instanceof SimThreadChannel thread) {
            return thread(thread);
        }
        return dm((SimDmChannel) channel);
    }

    private ObjectNode textChannel(SimTextChannel channel) {
        ObjectNode json = Json.object()
                .put("id", Json.id(channel.id()))
                .put("type", channel.typeCode())
                .put("guild_id", Json.id(channel.guildId()))
                .put("name", channel.name())
                .put("position", channel.position())
                .put("nsfw", channel.nsfw())
                .put("rate_limit_per_user", 0)
                .put("flags", 0);
        json.put("topic", channel.topic());
        json.putNull("parent_id");
        lastMessageId(json, channel.id());
        ArrayNode overwrites = json.putArray("permission_overwrites");
        channel.overwrites().forEach(o -> overwrites.add(overwrite(o)));
        return json;
    }

    private ObjectNode thread(SimThreadChannel thread) {
        int messageCount = store.messagesNewestFirst(thread.id()).size();
        ObjectNode json = Json.object()
                .put("id", Json.id(thread.id()))
                .put("type", thread.typeCode())
                .put("guild_id", Json.id(thread.guildId()))
                .put("parent_id", Json.id(thread.parentId()))
                .put("name", thread.name())
                .put("owner_id", Json.id(thread.ownerId()))
                .put("member_count", 1)
                .put("message_count", messageCount)
                .put("total_message_sent", messageCount)
                .put("rate_limit_per_user", 0)
                .put("flags", 0);
        lastMessageId(json, thread.id());
        json.putObject("thread_metadata")
                .put("archived", thread.archived())
                .put("auto_archive_duration", 1440)
                .put("archive_timestamp", Json.timestamp(thread.createdAt()))
                .put("locked", false)
                .put("invitable", true)
                .put("create_timestamp", Json.timestamp(thread.createdAt()));
        return json;
    }

    private ObjectNode dm(SimDmChannel dm) {
        ObjectNode json = Json.object()
                .put("id", Json.id(dm.id()))
                .put("type", dm.typeCode())
                .put("flags", 0);
        lastMessageId(json, dm.id());
        json.putArray("recipients").add(user(store.user(dm.recipientId()).orElseThrow()));
        return json;
    }

    public ObjectNode overwrite(PermissionOverwrite overwrite) {
        return Json.object()
                .put("id", Json.id(overwrite.targetId()))
                .put("type", overwrite.target().code())
                .put("allow", Long.toString(overwrite.allow()))
                .put("deny", Long.toString(overwrite.deny()));
    }

    /** A webhook as its managers see it, token included (Discord shows incoming-webhook tokens to them). */
    public ObjectNode webhook(SimWebhook webhook, long applicationId) {
        ObjectNode json = Json.object()
                .put("id", Json.id(webhook.id()))
                .put("type", 1)
                .put("guild_id", Json.id(webhook.guildId()))
                .put("channel_id", Json.id(webhook.channelId()))
                .put("name", webhook.name())
                .put("token", webhook.token());
        json.put("avatar", webhook.avatar());
        if (webhook.creatorId() == applicationId) {
            json.put("application_id", Json.id(applicationId));
        } else {
            json.putNull("application_id");
        }
        store.user(webhook.creatorId()).ifPresent(u -> json.set("user", user(u)));
        return json;
    }

    public ObjectNode attachment(long channelId, SimAttachment attachment) {
        String url = attachmentUrl(channelId, attachment);
        ObjectNode json = Json.object()
                .put("id", Json.id(attachment.id()))
                .put("filename", attachment.filename())
                .put("size", attachment.size())
                .put("url", url)
                .put("proxy_url", url)
                .put("content_type", attachment.contentType());
        if (attachment.voiceMessage()) {
            // a flat waveform (base64 of 256 zero bytes): enough for clients that draw it
            json.put("duration_secs", attachment.durationSecs()).put("waveform", java.util.Base64.getEncoder()
                    .encodeToString(new byte[256]));
        }
        return json;
    }

    public String attachmentUrl(long channelId, SimAttachment attachment) {
        return origin.get() + "/attachments/" + Json.id(channelId) + "/" + Json.id(attachment.id()) + "/"
                + URLEncoder.encode(attachment.filename(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void lastMessageId(ObjectNode json, long channelId) {
        store.messagesNewestFirst(channelId).stream().findFirst()
                .ifPresentOrElse(m -> json.put("last_message_id", Json.id(m.id())), () -> json.putNull("last_message_id"));
    }
}
