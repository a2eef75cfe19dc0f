package io.tzurot.discord.context;

import io.tzurot.core.reply.AttachmentInput;
import io.tzurot.core.reply.ChannelMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.MessageReaction;
import net.dv8tion.jda.api.entities.MessageReference;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.sticker.StickerItem;
import net.dv8tion.jda.api.entities.messages.MessageSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel's recent messages before a trigger as the engine's {@link ChannelMessage}s (spec/discord.md §1.9
 * "extended context"). Dropped: system messages, the bot's own posts and its characters' webhook posts (the
 * stored history holds those, with their real speakers), thinking blocks, empty messages, and authors under a
 * BLOCK denial (a MUTEd author stays). Embeds, stickers (name and description), attachments and the reactions of
 * the last {@value #REACTION_MESSAGES} messages ({@value #REACTION_KINDS} kinds each) are folded into the text;
 * images are passed on for the engine to describe. A forwarded message is shown under its original author (with
 * who forwarded it) when that can be read, else under its forwarder.
 */
public final class ExtendedContext {

    static final int REACTION_MESSAGES = 5;
    static final int REACTION_KINDS = 3;
    private static final Set<MessageType> CONVERSATION = Set.of(MessageType.DEFAULT, MessageType.INLINE_REPLY);
    private static final String THINKING = "💭 **Thinking:**";
    private static final Logger LOG = LoggerFactory.getLogger(ExtendedContext.class);

    private final RecentMessages recent;
    private final BiPredicate<Message, String> blocked;
    private final Stickers stickers;
    private final ForwardOrigins forwards = new ForwardOrigins();

    /**
     * {@code blocked} tells whether an author id is under a BLOCK denial where this message was sent;
     * {@code stickers} turns stickers into text.
     */
    public ExtendedContext(RecentMessages recent, BiPredicate<Message, String> blocked, Stickers stickers) {
        this.recent = recent;
        this.blocked = blocked;
        this.stickers = stickers;
    }

    /** Oldest first. A failed history read leaves the reply without channel context rather than without a reply. */
    public List<ChannelMessage> before(Message trigger) {
        List<Message> messages;
        try {
            messages = recent.before(trigger);
        } catch (RuntimeException e) {
            LOG.warn("channel {} history not read; replying without channel context: {}", trigger.getChannel().getId(),
                    e.getMessage());
            return List.of();
        }
        long self = trigger.getJDA().getSelfUser().getIdLong();
        Map<String, Boolean> blockedAuthors = new HashMap<>();
        List<ChannelMessage> out = new ArrayList<>(messages.size());
        int reactionsLeft = REACTION_MESSAGES;
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (!kept(m, self)) {
                continue;
            }
            String author = m.getAuthor().getId();
            if (blockedAuthors.computeIfAbsent(author, id -> blocked.test(trigger, id))) {
                continue;
            }
            Optional<ForwardOrigins.Origin> origin = forwarded(m) ? forwards.of(m) : Optional.empty();
            if (origin.isPresent() && blockedAuthors.computeIfAbsent(origin.get().authorId(),
                    id -> blocked.test(trigger, id))) {
                continue;
            }
            String text = text(m, reactionsLeft > 0, origin.isPresent());
            if (text.isBlank()) {
                continue;
            }
            if (!m.getReactions().isEmpty()) {
                reactionsLeft--;
            }
            out.add(origin.map(o -> new ChannelMessage(m.getId(), o.authorId(), o.shownName(), o.username(),
                    m.getTimeCreated().toInstant(), text, images(m))).orElseGet(() -> new ChannelMessage(m.getId(),
                    author, shownName(m), m.getAuthor().getName(), m.getTimeCreated().toInstant(), text, images(m))));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private static String shownName(Message m) {
        return m.getMember() != null ? m.getMember().getEffectiveName() : m.getAuthor().getEffectiveName();
    }

    private static boolean kept(Message m, long self) {
        if (!CONVERSATION.contains(m.getType()) || m.getAuthor().isSystem() || m.getAuthor().getIdLong() == self) {
            return false;
        }
        // our characters' posts are stored turns already (under their own names)
        return !(m.isWebhookMessage() && m.getApplicationIdLong() == self);
    }

    static boolean forwarded(Message m) {
        MessageReference reference = m.getMessageReference();
        return reference != null && reference.getType() == MessageReference.MessageReferenceType.FORWARD
                && !m.getMessageSnapshots().isEmpty();
    }

    /** The message's images and those of what it forwards, in order. */
    private static List<AttachmentInput> images(Message m) {
        List<AttachmentInput> images = new ArrayList<>(Attachments.of(m));
        for (MessageSnapshot snapshot : m.getMessageSnapshots()) {
            images.addAll(Attachments.of(snapshot.getAttachments(), false));
        }
        return images.stream().filter(AttachmentInput::isImage).toList();
    }

    /**
     * The message's readable text: its words, then embeds, stickers, forwarded snapshots and reactions. With
     * {@code underOriginalAuthor} a forward reads as its original author's words, marked with who forwarded it.
     */
    String text(Message m, boolean withReactions, boolean underOriginalAuthor) {
        if (m.getContentRaw().startsWith(THINKING)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (underOriginalAuthor) {
            line(text, "[Forwarded by " + shownName(m) + "]");
        }
        line(text, m.getContentRaw().strip());
        for (MessageEmbed embed : m.getEmbeds()) {
            line(text, embed(embed));
        }
        for (StickerItem sticker : m.getStickers()) {
            line(text, stickers.text(sticker, m.getJDA()));
        }
        if (forwarded(m)) {
            for (MessageSnapshot snapshot : m.getMessageSnapshots()) {
                String forwarded = snapshot.getContentRaw().strip();
                line(text, underOriginalAuthor ? forwarded
                        : "[Forwarded message]" + (forwarded.isEmpty() ? "" : ": " + forwarded));
                snapshot.getEmbeds().forEach(e -> line(text, embed(e)));
                snapshot.getStickers().forEach(st -> line(text, stickers.text(st, m.getJDA())));
                files(text, snapshot.getAttachments());
            }
        }
        files(text, m.getAttachments());
        if (withReactions && !m.getReactions().isEmpty()) {
            line(text, "[Reactions: " + m.getReactions().stream().limit(REACTION_KINDS)
                    .map(ExtendedContext::reaction).collect(Collectors.joining(", ")) + "]");
        }
        return text.toString();
    }

    private static void files(StringBuilder text, List<Message.Attachment> attachments) {
        if (!attachments.isEmpty()) {
            line(text, attachments.stream().map(a -> "[" + (a.isImage() ? "Image" : "File") + ": "
                    + a.getFileName() + "]").collect(Collectors.joining(" ")));
        }
    }

    private static String reaction(MessageReaction r) {
        String emoji = r.getEmoji().getType() == net.dv8tion.jda.api.entities.emoji.Emoji.Type.UNICODE
                ? r.getEmoji().getName() : ":" + r.getEmoji().getName() + ":";
        return r.getCount() > 1 ? emoji + " ×" + r.getCount() : emoji;
    }

    static String embed(MessageEmbed embed) {
        StringBuilder e = new StringBuilder();
        if (embed.getTitle() != null) {
            e.append(embed.getTitle());
        }
        if (embed.getDescription() != null && !embed.getDescription().isBlank()) {
            e.append(e.isEmpty() ? "" : " — ").append(embed.getDescription().strip());
        }
        for (MessageEmbed.Field field : embed.getFields()) {
            e.append(e.isEmpty() ? "" : "; ").append(field.getName()).append(": ").append(field.getValue());
        }
        return e.isEmpty() ? "" : "[Embed: " + e + "]";
    }

    private static void line(StringBuilder text, String line) {
        if (!line.isBlank()) {
            text.append(text.isEmpty() ? "" : "\n").append(line);
        }
    }
}
