package io.tzurot.testkit.discord;

import io.tzurot.testkit.discord.gateway.GatewayEvents;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.service.InteractionService;
import io.tzurot.testkit.discord.service.MessageDraft;
import io.tzurot.testkit.discord.service.MessageEdit;
import io.tzurot.testkit.discord.service.MessageService;
import io.tzurot.testkit.discord.state.MessageAuthor;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimAttachment;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimDmChannel;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimStore;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.discord.state.SimWebhook;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What simulated users do: post, reply, attach files, edit, delete, type, use slash commands, and post through
 * webhooks of their own (as other bots and proxies do). Each action reaches the bot as a gateway event.
 */
public final class UserActions {

    private final SimStore store;
    private final MessageService messages;
    private final InteractionService interactions;
    private final GatewayEvents events;
    private final SecureRandom random = new SecureRandom();

    UserActions(SimStore store, MessageService messages, InteractionService interactions, GatewayEvents events) {
        this.store = store;
        this.messages = messages;
        this.interactions = interactions;
        this.events = events;
    }

    /** {@code user} posts {@code content} in {@code channel}; the bot receives MESSAGE_CREATE. */
    public SimMessage post(SimUser user, SimChannel channel, String content) {
        return post(user, channel, MessageDraft.text(content));
    }

    public SimMessage reply(SimUser user, SimChannel channel, SimMessage target, String content) {
        return post(user, channel, MessageDraft.reply(content, target.id()));
    }

    public SimMessage postWithAttachments(SimUser user, SimChannel channel, String content,
                                          SimAttachment... attachments) {
        return post(user, channel, MessageDraft.withFiles(content, List.of(attachments)));
    }

    /** An attachment ready to post; its bytes are served at the URL the bot sees in the message. */
    public SimAttachment attachment(String filename, String contentType, byte[] data) {
        return new SimAttachment(store.nextId(), filename, contentType, data);
    }

    /** {@code user} records a voice message: no text, one {@code audio/ogg} recording of {@code seconds}. */
    public SimMessage voiceMessage(SimUser user, SimChannel channel, byte[] recording, double seconds) {
        return post(user, channel, MessageDraft.withFiles("", List.of(recording(recording, seconds))));
    }

    /** As {@link #voiceMessage}, replying to {@code target}. */
    public SimMessage voiceReply(SimUser user, SimChannel channel, SimMessage target, byte[] recording, double seconds) {
        return post(user, channel, new MessageDraft("", Json.array(), Json.array(),
                List.of(recording(recording, seconds)), Optional.of(target.id()), true));
    }

    private SimAttachment recording(byte[] recording, double seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("a voice message lasts a positive number of seconds");
        }
        return new SimAttachment(store.nextId(), "voice-message.ogg", "audio/ogg", recording, seconds);
    }

    /** {@code user} replies to {@code target} with only a sticker named {@code stickerName} (no text). */
    public SimMessage stickerReply(SimUser user, SimChannel channel, SimMessage target, String stickerName) {
        return post(user, channel, new MessageDraft("", Json.array(), Json.array(), List.of(), Optional.of(target.id()),
                true, List.of(new io.tzurot.testkit.discord.state.SimSticker(store.nextId(), stickerName))));
    }

    /** {@code user} posts only a sticker named {@code name}, whose sticker page describes it as {@code description}. */
    public SimMessage sticker(SimUser user, SimChannel channel, String name, String description) {
        return post(user, channel, new MessageDraft("", Json.array(), Json.array(), List.of(), Optional.empty(), true,
                List.of(new io.tzurot.testkit.discord.state.SimSticker(store.nextId(), name, description))));
    }

    /**
     * {@code user} forwards {@code original} (from any channel they can read) into {@code channel}: the bot
     * receives a message with a snapshot of it and a reference to it, but not its author.
     */
    public SimMessage forward(SimUser user, SimChannel channel, SimMessage original) {
        requireCanPost(user, channel);
        return messages.forward(channel.id(), new MessageAuthor.User(user.id()), original);
    }

    /** Discord unfurls a link in {@code message}: it gains a preview embed with this title and description. */
    public SimMessage linkPreview(SimMessage message, String title, String description) {
        com.fasterxml.jackson.databind.node.ArrayNode embeds = Json.array();
        embeds.addObject().put("type", "link").put("title", title).put("description", description);
        return messages.addLinkPreview(message.channelId(), message.id(), embeds);
    }

    public SimMessage post(SimUser user, SimChannel channel, MessageDraft draft) {
        requireCanPost(user, channel);
        return messages.post(channel.id(), new MessageAuthor.User(user.id()), draft);
    }

    public SimMessage edit(SimUser user, SimMessage message, String newContent) {
        if (!message.author().equals(new MessageAuthor.User(user.id()))) {
            throw new IllegalArgumentException(user.username() + " did not write message " + message.id());
        }
        return messages.edit(message.channelId(), message.id(), MessageEdit.content(newContent));
    }

    public void delete(SimMessage message) {
        messages.delete(message.channelId(), message.id(), false);
    }

    /**
     * {@code user} reacts to {@code message} with a unicode {@code emoji} (e.g. "🔄"); the bot receives
     * MESSAGE_REACTION_ADD. Reacting twice with the same emoji changes nothing, as on Discord.
     */
    public void react(SimUser user, SimMessage message, String emoji) {
        SimChannel channel = store.channel(message.channelId())
                .orElseThrow(() -> new IllegalArgumentException("unknown channel " + message.channelId()));
        if (!(channel instanceof SimDmChannel)) {
            long granted = store.permissionsIn(user.id(), channel).orElse(0L);
            if (!Permissions.has(granted, Permissions.VIEW_CHANNEL)) {
                throw new IllegalArgumentException(user.username() + " cannot see channel " + channel.id());
            }
        }
        if (store.reactions().add(message.id(), emoji, user.id())) {
            events.reactionAdded(message, user.id(), emoji);
        }
    }

    /** {@code user} takes their reaction off {@code message}; the bot receives MESSAGE_REACTION_REMOVE. */
    public void unreact(SimUser user, SimMessage message, String emoji) {
        if (store.reactions().remove(message.id(), emoji, user.id())) {
            events.reactionRemoved(message, user.id(), emoji);
        }
    }

    public void typing(SimUser user, SimChannel channel) {
        requireCanPost(user, channel);
        events.typing(channel.id(), user.id());
    }

    /**
     * {@code user} runs a slash command; {@code path} is "name", "name sub" or "name group sub", and option
     * values are converted to the types the registered command declares. Returns the interaction id.
     */
    public long slashCommand(SimUser user, SimChannel channel, String path, Map<String, String> options) {
        requireCanPost(user, channel);
        return interactions.slashCommand(user, channel, path, options);
    }

    /** As {@link #slashCommand}, with files for the command's attachment options (by option name). */
    public long slashCommand(SimUser user, SimChannel channel, String path, Map<String, String> options,
                             Map<String, SimAttachment> attachments) {
        requireCanPost(user, channel);
        return interactions.slashCommand(user, channel, path, options, attachments);
    }

    /** {@code user} runs the message context-menu command {@code name} (e.g. "Inspect Message") on {@code target}. */
    public long messageCommand(SimUser user, SimMessage target, String name) {
        return interactions.messageCommand(user, target, name);
    }

    /** {@code user} is typing {@code focusedOption} (its partial text is in {@code options}). */
    public long autocomplete(SimUser user, SimChannel channel, String path, String focusedOption,
                             Map<String, String> options) {
        requireCanPost(user, channel);
        return interactions.autocomplete(user, channel, path, focusedOption, options);
    }

    public long clickButton(SimUser user, SimMessage message, String customId) {
        return interactions.component(user, message, customId, 2);
    }

    public long selectOptions(SimUser user, SimMessage message, String customId, String... values) {
        return interactions.component(user, message, customId, 3, values);
    }

    /** {@code user} submits the modal {@code customId} with text-input values by input id. */
    public long submitModal(SimUser user, SimChannel channel, String customId, Map<String, String> fields) {
        return interactions.submitModal(user, channel, customId, fields);
    }

    /** {@code user} submits a modal that a component on {@code message} opened; the bot may update the message. */
    public long submitModal(SimUser user, SimMessage message, String customId, Map<String, String> fields) {
        return interactions.submitModal(user, message, customId, fields);
    }

    /** A webhook owned by {@code creator} (another bot or a proxy such as PluralKit). */
    public SimWebhook createWebhook(SimUser creator, SimTextChannel channel, String name) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        SimWebhook webhook = new SimWebhook(store.nextId(), channel.guildId(), channel.id(), name, null,
                Base64.getUrlEncoder().withoutPadding().encodeToString(token), creator.id());
        store.put(webhook);
        events.webhooksUpdated(channel.guildId(), channel.id());
        return webhook;
    }

    public SimMessage executeWebhook(SimWebhook webhook, String username, String avatarUrl, String content) {
        return messages.post(webhook.channelId(), new MessageAuthor.Webhook(webhook.id(), username, avatarUrl),
                MessageDraft.text(content));
    }

    /** Simulated users obey permissions too, so a test cannot stage an impossible conversation by mistake. */
    private void requireCanPost(SimUser user, SimChannel channel) {
        SimChannel current = store.channel(channel.id())
                .orElseThrow(() -> new IllegalArgumentException("unknown channel " + channel.id()));
        if (current instanceof SimDmChannel dm) {
            if (dm.recipientId() != user.id()) {
                throw new IllegalArgumentException(user.username() + " is not the recipient of DM " + dm.id());
            }
            return;
        }
        long required = Permissions.VIEW_CHANNEL | (current.typeCode() >= 10
                ? Permissions.SEND_MESSAGES_IN_THREADS : Permissions.SEND_MESSAGES);
        long granted = store.permissionsIn(user.id(), current).orElseThrow(
                () -> new IllegalArgumentException(user.username() + " is not a member of that guild"));
        if (!Permissions.has(granted, required)) {
            throw new IllegalStateException(user.username() + " may not post in channel " + current.id());
        }
    }
}
