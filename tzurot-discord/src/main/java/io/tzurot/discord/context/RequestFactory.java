package io.tzurot.discord.context;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.prompt.ChatLocation;
import io.tzurot.core.prompt.Participant;
import io.tzurot.core.reply.AttachmentInput;
import io.tzurot.core.reply.ChannelMessage;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReferenceInput;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.ICategorizableChannel;
import net.dv8tion.jda.api.entities.channel.concrete.Category;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;

/**
 * Builds the engine's {@link ReplyRequest} for one character answering one Discord message. The request id
 * is {@code discord:{messageId}} (plus {@code :{slug}} when several characters answer), so a redelivered
 * message never produces a second reply.
 */
public final class RequestFactory {

    /** Everything about one trigger message that does not depend on which character answers. */
    public record MessageContext(Speaker speaker, String content, List<AttachmentInput> attachments,
                                 List<ReferenceInput> references, Optional<ChatLocation> location,
                                 Set<String> mentionedChannelIds, Instant receivedAt, List<ChannelMessage> channel,
                                 Map<String, Participant.GuildInfo> members) {

        /** The same context without audio attachments (for a voice message whose transcript is the text). */
        public MessageContext withoutAudio() {
            return new MessageContext(speaker, content, attachments.stream().filter(a -> !a.isAudio()).toList(),
                    references, location, mentionedChannelIds, receivedAt, channel, members);
        }
    }

    private final ReferenceCollector references;
    private final Predicate<String> registeredUser;
    private final ExtendedContext extended;
    private final Stickers stickers;

    /**
     * {@code registeredUser} tells whether a Discord user id has an account (their mentions then show a persona);
     * {@code extended} reads the channel's recent messages; {@code stickers} turns stickers into text.
     */
    public RequestFactory(ReferenceCollector references, Predicate<String> registeredUser, ExtendedContext extended,
                          Stickers stickers) {
        this.references = references;
        this.registeredUser = registeredUser;
        this.extended = extended;
        this.stickers = stickers;
    }

    /** Reads the message once (references are fetched here, so call off the event thread). */
    public MessageContext context(Message message, String strippedContent) {
        List<AttachmentInput> attachments = Attachments.of(message);
        // the message's own embeds (a link preview, a bot card it quotes) are part of what it says
        // stickers too: a sticker-only message says something (spec/discord.md §1.9)
        String embeds = java.util.stream.Stream.concat(
                LinkPreviews.settled(message).getEmbeds().stream().map(ExtendedContext::embed).filter(e -> !e.isEmpty()),
                message.getStickers().stream().map(s -> stickers.text(s, message.getJDA())))
                .collect(java.util.stream.Collectors.joining("\n"));
        // a bare "@Alice" leaves no text once the mention is removed; the raw text is better than nothing
        String content = strippedContent.isBlank() && attachments.isEmpty() && embeds.isEmpty()
                ? message.getContentRaw().strip() : strippedContent;
        if (!embeds.isEmpty()) {
            content = content.isBlank() ? embeds : content + "\n" + embeds;
        }
        ReferenceCollector.Collected collected = references.collect(message, content);
        String text = collected.content();
        if (text.isBlank() && attachments.isEmpty() && !collected.references().isEmpty()) {
            text = "[Reply naturally to the referenced message]";
        }
        MentionText.Resolved mentions = MentionText.resolve(message, text, registeredUser);
        List<ChannelMessage> channel = extended.before(message);
        return new MessageContext(speaker(message), mentions.text(), attachments, collected.references(),
                location(message), mentions.channelIds(), message.getTimeCreated().toInstant(), channel,
                GuildMembers.of(message, channel));
    }

    /**
     * The context of words someone said through a command ({@code /chat}): {@code anchor} is the bot's post of
     * them, which the reply answers; the speaker is the person, not the bot.
     */
    public MessageContext spoken(Message anchor, Speaker speaker, String text) {
        return new MessageContext(speaker, text, List.of(), List.of(), location(anchor), Set.of(),
                anchor.getTimeCreated().toInstant(), List.of(), Map.of());
    }

    public ReplyRequest request(Message message, MessageContext context, Personality personality, boolean several) {
        String requestId = "discord:" + message.getId() + (several ? ":" + personality.slug() : "");
        Optional<String> guildId = message.isFromGuild() ? Optional.of(message.getGuild().getId()) : Optional.empty();
        return new ReplyRequest(requestId, Platform.DISCORD, context.speaker(), personality.id().toString(),
                message.getChannel().getId(), guildId, context.location(), context.content(), context.attachments(),
                context.references(), Optional.of(message.getId()), context.mentionedChannelIds(), context.receivedAt(),
                false, context.channel(), context.members(), parentOf(message));
    }

    /** A thread's parent channel, whose settings tier the thread follows. */
    private static Optional<String> parentOf(Message message) {
        return message.getChannel() instanceof ThreadChannel thread
                ? Optional.of(thread.getParentChannel().getId()) : Optional.empty();
    }

    static Speaker speaker(Message message) {
        String shown = message.getMember() != null ? message.getMember().getEffectiveName()
                : message.getAuthor().getEffectiveName();
        return new Speaker(message.getAuthor().getId(), message.getAuthor().getName(), shown);
    }

    static Optional<ChatLocation> location(Message message) {
        if (!message.isFromGuild()) {
            return Optional.of(new ChatLocation.DirectMessage());
        }
        GuildChannel channel = message.getGuildChannel();
        Optional<String> threadName = Optional.empty();
        if (channel instanceof ThreadChannel thread) {
            threadName = Optional.of(thread.getName());
            channel = thread.getParentChannel();
        }
        Optional<String> category = channel instanceof ICategorizableChannel categorizable
                ? Optional.ofNullable(categorizable.getParentCategory()).map(Category::getName) : Optional.empty();
        Optional<String> topic = channel instanceof StandardGuildMessageChannel standard
                ? Optional.ofNullable(standard.getTopic()).filter(t -> !t.isBlank()) : Optional.empty();
        String type = channel.getType().name().toLowerCase(java.util.Locale.ROOT);
        return Optional.of(new ChatLocation.GuildChannel(message.getGuild().getName(), category, channel.getName(), type,
                topic, threadName));
    }
}
