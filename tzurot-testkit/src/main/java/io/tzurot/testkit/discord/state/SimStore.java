package io.tzurot.testkit.discord.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's in-memory world. Every method is synchronized on the store so REST handlers, the gateway and
 * the test thread see one consistent state; values are immutable records replaced on change.
 */
public final class SimStore {

    private final Snowflakes snowflakes = new Snowflakes();
    private final Map<Long, SimUser> users = new HashMap<>();
    private final Map<Long, SimGuild> guilds = new LinkedHashMap<>();
    private final Map<Long, SimRole> roles = new LinkedHashMap<>();
    private final Map<String, SimMember> members = new LinkedHashMap<>();
    private final Map<Long, SimChannel> channels = new LinkedHashMap<>();
    private final Map<Long, SimWebhook> webhooks = new LinkedHashMap<>();
    private final Map<Long, SimMessage> messages = new LinkedHashMap<>();
    private final Map<Long, SimAttachment> attachments = new HashMap<>();
    private final Map<Long, SimSticker> stickers = new HashMap<>();

    private final SimReactions reactions = new SimReactions();

    /** The reactions on messages. */
    public SimReactions reactions() {
        return reactions;
    }

    public long nextId() {
        return snowflakes.next();
    }

    public synchronized void put(SimUser user) {
        users.put(user.id(), user);
    }

    public synchronized void put(SimGuild guild) {
        guilds.put(guild.id(), guild);
    }

    public synchronized void put(SimRole role) {
        requireGuild(role.guildId());
        roles.put(role.id(), role);
    }

    public synchronized void put(SimMember member) {
        requireGuild(member.guildId());
        requireUser(member.userId());
        for (long roleId : member.roleIds()) {
            SimRole role = role(roleId).orElseThrow(() -> new IllegalArgumentException("unknown role " + roleId));
            if (role.guildId() != member.guildId() || role.isEveryone()) {
                throw new IllegalArgumentException("role " + roleId + " cannot be assigned in guild " + member.guildId());
            }
        }
        members.put(memberKey(member.guildId(), member.userId()), member);
    }

    public synchronized void put(SimChannel channel) {
        channel.guild().ifPresent(this::requireGuild);
        if (channel instanceof SimThreadChannel thread && !(channels.get(thread.parentId()) instanceof SimTextChannel)) {
            throw new IllegalArgumentException("thread parent " + thread.parentId() + " is not a text channel");
        }
        channels.put(channel.id(), channel);
    }

    public synchronized void put(SimWebhook webhook) {
        webhooks.put(webhook.id(), webhook);
    }

    public synchronized void put(SimMessage message) {
        if (!channels.containsKey(message.channelId())) {
            throw new IllegalArgumentException("unknown channel " + message.channelId());
        }
        messages.put(message.id(), message);
        message.attachments().forEach(a -> attachments.put(a.id(), a));
        message.stickers().forEach(st -> stickers.put(st.id(), st));
    }

    /** A sticker some message was sent with ({@code GET /stickers/{id}}). */
    public synchronized Optional<SimSticker> sticker(long id) {
        return Optional.ofNullable(stickers.get(id));
    }

    /** Removes a membership (the member left or was removed); true when there was one. */
    public synchronized boolean removeMember(long guildId, long userId) {
        return members.remove(memberKey(guildId, userId)) != null;
    }

    public synchronized Optional<SimUser> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    public synchronized Optional<SimGuild> guild(long id) {
        return Optional.ofNullable(guilds.get(id));
    }

    public synchronized List<SimGuild> guilds() {
        return List.copyOf(guilds.values());
    }

    public synchronized Optional<SimRole> role(long id) {
        return Optional.ofNullable(roles.get(id));
    }

    public synchronized List<SimRole> roles(long guildId) {
        return roles.values().stream().filter(r -> r.guildId() == guildId).toList();
    }

    public synchronized Optional<SimMember> member(long guildId, long userId) {
        return Optional.ofNullable(members.get(memberKey(guildId, userId)));
    }

    public synchronized List<SimMember> members(long guildId) {
        return members.values().stream().filter(m -> m.guildId() == guildId).toList();
    }

    public synchronized Optional<SimChannel> channel(long id) {
        return Optional.ofNullable(channels.get(id));
    }

    public synchronized List<SimChannel> channels(long guildId) {
        return channels.values().stream().filter(c -> c.guild().equals(Optional.of(guildId))).toList();
    }

    public synchronized Optional<SimDmChannel> dmWith(long userId) {
        return channels.values().stream().filter(SimDmChannel.class::isInstance).map(SimDmChannel.class::cast)
                .filter(dm -> dm.recipientId() == userId).findFirst();
    }

    public synchronized Optional<SimWebhook> webhook(long id) {
        return Optional.ofNullable(webhooks.get(id));
    }

    public synchronized List<SimWebhook> webhooksOfChannel(long channelId) {
        return webhooks.values().stream().filter(w -> w.channelId() == channelId).toList();
    }

    public synchronized List<SimWebhook> webhooksOfGuild(long guildId) {
        return webhooks.values().stream().filter(w -> w.guildId() == guildId).toList();
    }

    public synchronized boolean removeWebhook(long id) {
        return webhooks.remove(id) != null;
    }

    public synchronized Optional<SimMessage> message(long channelId, long messageId) {
        return Optional.ofNullable(messages.get(messageId)).filter(m -> m.channelId() == channelId);
    }

    /** Messages of a channel, newest first, as Discord's history endpoint returns them. */
    public synchronized List<SimMessage> messagesNewestFirst(long channelId) {
        List<SimMessage> result = new ArrayList<>(messages.values().stream()
                .filter(m -> m.channelId() == channelId).toList());
        result.sort(Comparator.comparingLong(SimMessage::id).reversed());
        return result;
    }

    public synchronized Optional<SimMessage> removeMessage(long channelId, long messageId) {
        Optional<SimMessage> existing = message(channelId, messageId);
        existing.ifPresent(m -> messages.remove(m.id()));
        return existing;
    }

    /** A file not (yet) in any message, e.g. one given to a slash command's attachment option. */
    public synchronized void put(SimAttachment attachment) {
        attachments.put(attachment.id(), attachment);
    }

    public synchronized Optional<SimAttachment> attachment(long id) {
        return Optional.ofNullable(attachments.get(id));
    }

    /** The guild text channel whose permissions apply to {@code channel}: itself, or a thread's parent. */
    public synchronized Optional<SimTextChannel> permissionSource(SimChannel channel) {
        if (channel instanceof SimTextChannel text) {
            return Optional.of(text);
        }
        if (channel instanceof SimThreadChannel thread) {
            return Optional.ofNullable(channels.get(thread.parentId())).map(SimTextChannel.class::cast);
        }
        return Optional.empty();
    }

    /** Effective permissions of a user in a guild channel; empty when the channel is a DM or the user no member. */
    public synchronized Optional<Long> permissionsIn(long userId, SimChannel channel) {
        Optional<SimTextChannel> source = permissionSource(channel);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        SimTextChannel text = source.get();
        SimGuild guild = guilds.get(text.guildId());
        return member(text.guildId(), userId)
                .map(m -> Permissions.channelPermissions(guild, m, roles(text.guildId()), text));
    }

    private void requireGuild(long guildId) {
        if (!guilds.containsKey(guildId)) {
            throw new IllegalArgumentException("unknown guild " + guildId);
        }
    }

    private void requireUser(long userId) {
        if (!users.containsKey(userId)) {
            throw new IllegalArgumentException("unknown user " + userId);
        }
    }

    private static String memberKey(long guildId, long userId) {
        return guildId + ":" + userId;
    }
}
