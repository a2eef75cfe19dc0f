package io.tzurot.core.reply;

import io.tzurot.core.prompt.ChatLocation;
import io.tzurot.core.prompt.Participant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A platform-neutral request for one reply.
 *
 * @param requestId idempotency key: the same trigger always carries the same id, so a redelivered job
 *     neither answers twice nor records twice
 * @param platform where the trigger came from
 * @param speaker who asked
 * @param personality which character: slug, name, alias or id (access is checked)
 * @param channelId the conversation's channel (history and memories are scoped by it), at most 20 chars
 * @param guildId the server, empty in DMs and outside Discord
 * @param location what the model is told about where the chat happens
 * @param message the text of the current message
 * @param attachments files on the current message
 * @param references messages the current one points at
 * @param triggerMessageId the platform message that triggered the reply, if any
 * @param mentionedChannelIds channels the message mentions (memories from them are preferred)
 * @param receivedAt when the trigger arrived
 * @param incognito true when nothing of this exchange may be stored as long-term memory
 * @param channelContext recent messages of the channel before the trigger, oldest first (Discord's extended
 *     context; at most {@value ChannelMessage#MAX_MESSAGES}); the engine applies the count, age and reset limits
 * @param guildMembers server membership of the speaker and recent participants (top roles, display colour, joined
 *     date), by platform user id; shown with the participants who have a persona (at most
 *     {@value #MAX_GUILD_MEMBERS})
 * @param parentChannelId the parent channel when {@code channelId} is a thread: a thread without settings of its
 *     own follows its parent's channel settings tier
 */
public record ReplyRequest(String requestId, Platform platform, Speaker speaker, String personality, String channelId,
                           Optional<String> guildId, Optional<ChatLocation> location, String message,
                           List<AttachmentInput> attachments, List<ReferenceInput> references,
                           Optional<String> triggerMessageId, Set<String> mentionedChannelIds, Instant receivedAt,
                           boolean incognito, List<ChannelMessage> channelContext,
                           Map<String, Participant.GuildInfo> guildMembers, Optional<String> parentChannelId) {

    /** Most members whose server details one request carries (the speaker and 20 recent participants). */
    public static final int MAX_GUILD_MEMBERS = 21;

    /** A request outside a thread. */
    public ReplyRequest(String requestId, Platform platform, Speaker speaker, String personality, String channelId,
                        Optional<String> guildId, Optional<ChatLocation> location, String message,
                        List<AttachmentInput> attachments, List<ReferenceInput> references,
                        Optional<String> triggerMessageId, Set<String> mentionedChannelIds, Instant receivedAt,
                        boolean incognito, List<ChannelMessage> channelContext,
                        Map<String, Participant.GuildInfo> guildMembers) {
        this(requestId, platform, speaker, personality, channelId, guildId, location, message, attachments, references,
                triggerMessageId, mentionedChannelIds, receivedAt, incognito, channelContext, guildMembers,
                Optional.empty());
    }

    /** A request without server membership details. */
    public ReplyRequest(String requestId, Platform platform, Speaker speaker, String personality, String channelId,
                        Optional<String> guildId, Optional<ChatLocation> location, String message,
                        List<AttachmentInput> attachments, List<ReferenceInput> references,
                        Optional<String> triggerMessageId, Set<String> mentionedChannelIds, Instant receivedAt,
                        boolean incognito, List<ChannelMessage> channelContext) {
        this(requestId, platform, speaker, personality, channelId, guildId, location, message, attachments, references,
                triggerMessageId, mentionedChannelIds, receivedAt, incognito, channelContext, Map.of(), Optional.empty());
    }

    /** A request without channel context (every platform but Discord). */
    public ReplyRequest(String requestId, Platform platform, Speaker speaker, String personality, String channelId,
                        Optional<String> guildId, Optional<ChatLocation> location, String message,
                        List<AttachmentInput> attachments, List<ReferenceInput> references,
                        Optional<String> triggerMessageId, Set<String> mentionedChannelIds, Instant receivedAt,
                        boolean incognito) {
        this(requestId, platform, speaker, personality, channelId, guildId, location, message, attachments, references,
                triggerMessageId, mentionedChannelIds, receivedAt, incognito, List.of());
    }

    /** The same request with nothing of its exchange to be stored as long-term memory. */
    public ReplyRequest asIncognito() {
        return new ReplyRequest(requestId, platform, speaker, personality, channelId, guildId, location, message,
                attachments, references, triggerMessageId, mentionedChannelIds, receivedAt, true, channelContext,
                guildMembers, parentChannelId);
    }

    /** Longest message text accepted from any platform. */
    public static final int MAX_MESSAGE_LENGTH = 16_000;

    public ReplyRequest {
        if (requestId == null || requestId.isBlank() || requestId.length() > 200) {
            throw new IllegalArgumentException("requestId must be 1-200 characters");
        }
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(speaker, "speaker");
        if (personality == null || personality.isBlank()) {
            throw new IllegalArgumentException("a personality (slug, name or alias) is required");
        }
        if (channelId == null || channelId.isBlank() || channelId.length() > 20) {
            throw new IllegalArgumentException("channelId must be 1-20 characters");
        }
        guildId = Objects.requireNonNullElse(guildId, Optional.empty());
        location = Objects.requireNonNullElse(location, Optional.empty());
        message = message == null ? "" : message;
        if (message.length() > MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("message is " + message.length() + " characters; at most "
                    + MAX_MESSAGE_LENGTH + " are accepted");
        }
        attachments = List.copyOf(Objects.requireNonNullElse(attachments, List.of()));
        references = List.copyOf(Objects.requireNonNullElse(references, List.of()));
        if (message.isBlank() && attachments.isEmpty()) {
            throw new IllegalArgumentException("a message needs text or an attachment");
        }
        triggerMessageId = Objects.requireNonNullElse(triggerMessageId, Optional.empty());
        mentionedChannelIds = Set.copyOf(Objects.requireNonNullElse(mentionedChannelIds, Set.of()));
        Objects.requireNonNull(receivedAt, "receivedAt");
        channelContext = List.copyOf(Objects.requireNonNullElse(channelContext, List.of()));
        if (channelContext.size() > ChannelMessage.MAX_MESSAGES) {
            channelContext = channelContext.subList(channelContext.size() - ChannelMessage.MAX_MESSAGES,
                    channelContext.size());
        }
        guildMembers = Map.copyOf(Objects.requireNonNullElse(guildMembers, Map.of()));
        if (guildMembers.size() > MAX_GUILD_MEMBERS) {
            throw new IllegalArgumentException("at most " + MAX_GUILD_MEMBERS + " members' server details per request");
        }
        parentChannelId = Objects.requireNonNullElse(parentChannelId, Optional.<String>empty())
                .filter(id -> !id.isBlank() && !id.equals(channelId));
    }

    /** A plain text request with no attachments or references, e.g. from the CLI or the web console. */
    public static ReplyRequest text(String requestId, Platform platform, Speaker speaker, String personality,
                                    String channelId, String message, Instant receivedAt) {
        return new ReplyRequest(requestId, platform, speaker, personality, channelId, Optional.empty(), Optional.empty(),
                message, List.of(), List.of(), Optional.empty(), Set.of(), receivedAt, false);
    }
}
