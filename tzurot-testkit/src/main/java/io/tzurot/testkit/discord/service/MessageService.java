package io.tzurot.testkit.discord.service;

import io.tzurot.testkit.discord.activity.ActivityLog;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.gateway.GatewayEvents;
import io.tzurot.testkit.discord.state.MessageAuthor;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimStore;
import io.tzurot.testkit.discord.state.SimThreadChannel;
import io.tzurot.testkit.discord.state.SimWebhook;
import java.time.Instant;
import java.util.Optional;

/**
 * Creates, edits and deletes messages for every poster (the bot, its webhooks, simulated users), echoing each
 * change on the gateway as Discord does and recording what the bot did.
 */
public final class MessageService {

    private final SimStore store;
    private final GatewayEvents events;
    private final ActivityLog activity;
    private final long selfId;

    public MessageService(SimStore store, GatewayEvents events, ActivityLog activity, long selfId) {
        this.store = store;
        this.events = events;
        this.activity = activity;
        this.selfId = selfId;
    }

    public SimMessage post(long channelId, MessageAuthor author, MessageDraft draft) {
        SimChannel channel = store.channel(channelId).orElseThrow(ApiError::unknownChannel);
        draft.validate();
        Optional<Long> replyTo = draft.replyTo().filter(target -> {
            boolean exists = store.message(channelId, target).isPresent();
            if (!exists && draft.failIfReplyMissing()) {
                throw ApiError.invalidForm("message_reference: Unknown message");
            }
            return exists;
        });
        SimMessage message = new SimMessage(store.nextId(), channelId, author, draft.content(), draft.attachments(),
                draft.embeds(), draft.components(), replyTo, Optional.empty(), draft.stickers());
        store.put(message);
        if (isBot(author)) {
            Optional<Long> parent = channel instanceof SimThreadChannel t ? Optional.of(t.parentId()) : Optional.empty();
            activity.record(new BotActivity.Posted(message, parent));
        }
        events.messageCreated(message);
        return message;
    }

    /**
     * {@code author} forwards {@code original} into {@code channelId}: a message with no content of its own that
     * carries a snapshot of the original (Discord's forward, {@code message_reference.type = 1}).
     */
    public SimMessage forward(long channelId, MessageAuthor author, SimMessage original) {
        store.channel(channelId).orElseThrow(ApiError::unknownChannel);
        SimMessage message = new SimMessage(store.nextId(), channelId, author, "", java.util.List.of(),
                io.tzurot.testkit.discord.json.Json.array(), io.tzurot.testkit.discord.json.Json.array(),
                Optional.empty(), Optional.empty(), java.util.List.of(), Optional.of(original));
        store.put(message);
        events.messageCreated(message);
        return message;
    }

    public SimMessage edit(long channelId, long messageId, MessageEdit edit) {
        SimMessage existing = store.message(channelId, messageId).orElseThrow(ApiError::unknownMessage);
        SimMessage edited = existing.edited(edit.content().orElse(existing.content()),
                edit.embeds().orElse(existing.embeds()), edit.components().orElse(existing.components()),
                Instant.now());
        new MessageDraft(edited.content(), edited.embeds(), edited.components(), edited.attachments(),
                Optional.empty(), false).validate();
        store.put(edited);
        if (isBot(existing.author())) {
            activity.record(new BotActivity.Edited(edited));
        }
        events.messageUpdated(edited);
        return edited;
    }

    /**
     * Discord filling in a link's preview: the message gains {@code embeds} (not marked edited) and the bot
     * receives MESSAGE_UPDATE.
     */
    public SimMessage addLinkPreview(long channelId, long messageId,
                                     com.fasterxml.jackson.databind.node.ArrayNode embeds) {
        SimMessage existing = store.message(channelId, messageId).orElseThrow(ApiError::unknownMessage);
        SimMessage previewed = new SimMessage(existing.id(), existing.channelId(), existing.author(), existing.content(),
                existing.attachments(), embeds, existing.components(), existing.replyTo(), existing.editedAt(),
                existing.stickers(), existing.forwardOf());
        store.put(previewed);
        events.messageUpdated(previewed);
        return previewed;
    }

    /** Deletes a message; {@code byBot} records the deletion as bot activity. */
    public void delete(long channelId, long messageId, boolean byBot) {
        store.removeMessage(channelId, messageId).orElseThrow(ApiError::unknownMessage);
        if (byBot) {
            activity.record(new BotActivity.Deleted(channelId, messageId));
        }
        events.messageDeleted(channelId, messageId);
    }

    /** True for the bot itself and for webhooks the bot created. */
    public boolean isBot(MessageAuthor author) {
        if (author instanceof MessageAuthor.User user) {
            return user.userId() == selfId;
        }
        long webhookId = ((MessageAuthor.Webhook) author).webhookId();
        return store.webhook(webhookId).map(SimWebhook::creatorId).filter(c -> c == selfId).isPresent();
    }
}
