package io.tzurot.testkit.discord.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.testkit.discord.state.MessageAuthor;
import io.tzurot.testkit.discord.state.SimAttachment;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimRole;
import io.tzurot.testkit.discord.state.SimStore;
import io.tzurot.testkit.discord.state.SimWebhook;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Discord JSON for messages, with mentions parsed from the content and the replied-to message inlined. */
public final class MessageJson {

    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d{1,20})>");
    private static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d{1,20})>");
    private static final int DEFAULT = 0;
    private static final int REPLY = 19;
    /** Message flag 1 << 13: the message is a voice recording. */
    private static final int IS_VOICE_MESSAGE = 1 << 13;

    private final SimStore store;
    private final EntityJson entities;
    private final long applicationId;

    public MessageJson(SimStore store, EntityJson entities, long applicationId) {
        this.store = store;
        this.entities = entities;
        this.applicationId = applicationId;
    }

    public ObjectNode message(SimMessage message) {
        return message(message, true);
    }

    private ObjectNode message(SimMessage message, boolean inlineReference) {
        SimChannel channel = store.channel(message.channelId()).orElseThrow();
        Optional<Long> guildId = channel.guild();
        ObjectNode json = Json.object()
                .put("id", Json.id(message.id()))
                .put("type", message.replyTo().isPresent() ? REPLY : DEFAULT)
                .put("channel_id", Json.id(message.channelId()))
                .put("content", message.content())
                .put("timestamp", Json.timestamp(message.createdAt()))
                .put("tts", false)
                .put("mention_everyone", false)
                .put("pinned", false)
                .put("flags", message.attachments().stream().anyMatch(SimAttachment::voiceMessage) ? IS_VOICE_MESSAGE : 0);
        guildId.ifPresent(g -> json.put("guild_id", Json.id(g)));
        json.put("edited_timestamp", message.editedAt().map(Json::timestamp).orElse(null));
        author(json, message.author(), guildId);
        mentions(json, message.content(), guildId);
        ArrayNode attachments = json.putArray("attachments");
        message.attachments().forEach(a -> attachments.add(entities.attachment(message.channelId(), a)));
        json.set("embeds", embeds(message.embeds()));
        json.set("components", message.components());
        if (!message.stickers().isEmpty()) {
            ArrayNode stickers = json.putArray("sticker_items");
            message.stickers().forEach(s -> stickers.addObject().put("id", Json.id(s.id())).put("name", s.name())
                    .put("format_type", 1));
        }
        message.forwardOf().ifPresent(original -> forward(json, original));
        message.replyTo().ifPresent(target -> {
            ObjectNode reference = json.putObject("message_reference")
                    .put("type", 0)
                    .put("message_id", Json.id(target))
                    .put("channel_id", Json.id(message.channelId()));
            guildId.ifPresent(g -> reference.put("guild_id", Json.id(g)));
            if (inlineReference) {
                json.set("referenced_message", store.message(message.channelId(), target)
                        .map(m -> (com.fasterxml.jackson.databind.JsonNode) message(m, false))
                        .orElse(Json.MAPPER.nullNode()));
            }
        });
        return json;
    }

    /**
     * A forward: a reference of type 1 to the original and one snapshot of it, which (as on Discord) carries its
     * content, attachments, embeds and stickers but not its author.
     */
    private void forward(ObjectNode json, SimMessage original) {
        Optional<Long> originalGuild = store.channel(original.channelId()).flatMap(SimChannel::guild);
        ObjectNode reference = json.putObject("message_reference").put("type", 1)
                .put("message_id", Json.id(original.id())).put("channel_id", Json.id(original.channelId()));
        originalGuild.ifPresent(g -> reference.put("guild_id", Json.id(g)));
        ObjectNode snapshot = json.putArray("message_snapshots").addObject().putObject("message")
                .put("type", DEFAULT)
                .put("content", original.content())
                .put("timestamp", Json.timestamp(original.createdAt()))
                .put("mention_everyone", false)
                .put("flags", original.attachments().stream().anyMatch(SimAttachment::voiceMessage) ? IS_VOICE_MESSAGE : 0);
        snapshot.putNull("edited_timestamp");
        ArrayNode attachments = snapshot.putArray("attachments");
        original.attachments().forEach(a -> attachments.add(entities.attachment(original.channelId(), a)));
        snapshot.set("embeds", embeds(original.embeds()));
        snapshot.putArray("components");
        snapshot.putArray("mentions");
        snapshot.putArray("mention_roles");
        ArrayNode stickers = snapshot.putArray("sticker_items");
        original.stickers().forEach(st -> stickers.addObject().put("id", Json.id(st.id())).put("name", st.name())
                .put("format_type", 1));
    }

    private void author(ObjectNode json, MessageAuthor author, Optional<Long> guildId) {
        if (author instanceof MessageAuthor.User user) {
            json.set("author", entities.user(store.user(user.userId()).orElseThrow()));
            guildId.flatMap(g -> store.member(g, user.userId()))
                    .ifPresent(m -> json.set("member", entities.member(m, false)));
            return;
        }
        MessageAuthor.Webhook webhook = (MessageAuthor.Webhook) author;
        json.put("webhook_id", Json.id(webhook.webhookId()));
        ObjectNode user = json.putObject("author")
                .put("id", Json.id(webhook.webhookId()))
                .put("username", webhook.username())
                .put("discriminator", "0000")
                .put("bot", true)
                .put("public_flags", 0);
        user.putNull("avatar");
        user.putNull("global_name");
        // Messages from a webhook the bot's application created carry its application id, as on Discord.
        store.webhook(webhook.webhookId()).map(SimWebhook::creatorId).filter(c -> c == applicationId)
                .ifPresent(c -> json.put("application_id", Json.id(applicationId)));
    }

    private void mentions(ObjectNode json, String content, Optional<Long> guildId) {
        ArrayNode users = json.putArray("mentions");
        Set<Long> seen = new LinkedHashSet<>();
        Matcher userMatcher = USER_MENTION.matcher(content);
        while (userMatcher.find()) {
            parse(userMatcher.group(1)).filter(seen::add).flatMap(store::user).ifPresent(u -> {
                ObjectNode mentioned = entities.user(u);
                guildId.flatMap(g -> store.member(g, u.id()))
                        .ifPresent(m -> mentioned.set("member", entities.member(m, false)));
                users.add(mentioned);
            });
        }
        ArrayNode roles = json.putArray("mention_roles");
        Matcher roleMatcher = ROLE_MENTION.matcher(content);
        while (roleMatcher.find()) {
            parse(roleMatcher.group(1)).flatMap(store::role)
                    .filter(r -> guildId.equals(Optional.of(r.guildId())))
                    .map(SimRole::id)
                    .ifPresent(id -> roles.add(Json.id(id)));
        }
    }

    /** Discord fills in {@code type: rich} on embeds posted without one. */
    private static ArrayNode embeds(ArrayNode embeds) {
        ArrayNode result = Json.array();
        embeds.forEach(e -> {
            ObjectNode copy = e.deepCopy();
            if (!copy.hasNonNull("type")) {
                copy.put("type", "rich");
            }
            result.add(copy);
        });
        return result;
    }

    private static Optional<Long> parse(String digits) {
        try {
            return Optional.of(Long.parseUnsignedLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
