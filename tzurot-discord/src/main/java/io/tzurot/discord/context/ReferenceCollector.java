package io.tzurot.discord.context;

import io.tzurot.core.reply.ReferenceInput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.MessageReference;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.messages.MessageSnapshot;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands what a message points at (its reply target in a server, message links, forwarded snapshots)
 * into references, breadth first, following references of references to depth {@value #MAX_DEPTH} and
 * at most {@value #MAX_REFERENCES} in all. A linked message is expanded only when the requesting user can
 * see its channel: the bot may read channels the user cannot, and must not leak them.
 */
public final class ReferenceCollector {

    public static final int MAX_DEPTH = 2;
    public static final int MAX_REFERENCES = 10;

    static final Pattern LINK = Pattern.compile(
            "https?://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/channels/(\\d{1,20}|@me)/(\\d{1,20})/(\\d{1,20})");

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceCollector.class);

    /** The references and the trigger's text with each expanded link replaced by {@code [Reference N]}. */
    public record Collected(List<ReferenceInput> references, String content) {
    }

    private record Pending(String guildId, String channelId, String messageId, int depth, String link) {
    }

    /** Blocking (it fetches messages and members): call off the event thread. */
    public Collected collect(Message trigger, String content) {
        List<ReferenceInput> references = new ArrayList<>();
        for (MessageSnapshot snapshot : trigger.getMessageSnapshots()) {
            references.add(forwarded(trigger, snapshot));
        }
        Set<String> seen = new HashSet<>(Set.of(trigger.getId()));
        Map<String, Integer> numbered = new LinkedHashMap<>();
        Deque<Pending> queue = new ArrayDeque<>();
        enqueuePointers(trigger, content, 1, queue);
        while (!queue.isEmpty() && references.size() < MAX_REFERENCES) {
            Pending next = queue.poll();
            if (seen.contains(next.messageId())) {
                continue;
            }
            Optional<Message> found = fetchVisible(trigger, next);
            if (found.isEmpty()) {
                continue;
            }
            seen.add(next.messageId());
            Message message = found.get();
            references.add(reference(message));
            if (next.link() != null) {
                numbered.putIfAbsent(next.link(), references.size());
            }
            if (next.depth() < MAX_DEPTH) {
                enqueuePointers(message, message.getContentRaw(), next.depth() + 1, queue);
            }
        }
        String rewritten = content;
        for (Map.Entry<String, Integer> link : numbered.entrySet()) {
            rewritten = rewritten.replace(link.getKey(), "[Reference " + link.getValue() + "]");
        }
        return new Collected(List.copyOf(references), rewritten);
    }

    private static void enqueuePointers(Message message, String content, int depth, Deque<Pending> queue) {
        MessageReference reply = message.getMessageReference();
        // DM reply targets are the DM's own history already; only server replies are expanded
        if (reply != null && message.isFromGuild() && reply.getType() == MessageReference.MessageReferenceType.DEFAULT) {
            queue.add(new Pending(message.getGuild().getId(), reply.getChannelId(), reply.getMessageId(), depth, null));
        }
        Matcher links = LINK.matcher(content);
        while (links.find()) {
            queue.add(new Pending(links.group(1), links.group(2), links.group(3), depth, links.group()));
        }
    }

    private Optional<Message> fetchVisible(Message trigger, Pending pending) {
        try {
            return visibleChannel(trigger, pending).map(c -> c.retrieveMessageById(pending.messageId()).complete());
        } catch (ErrorResponseException | InsufficientPermissionException e) {
            LOG.debug("reference {} not expanded: {}", pending.messageId(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The channel of a reference, only when the user who asked may read it there. */
    private static Optional<MessageChannel> visibleChannel(Message trigger, Pending pending) {
        if (pending.guildId().equals("@me")) {
            // a DM link only makes sense inside that same DM
            return pending.channelId().equals(trigger.getChannel().getId()) && !trigger.isFromGuild()
                    ? Optional.of(trigger.getChannel()) : Optional.empty();
        }
        JDA jda = trigger.getJDA();
        Guild guild = jda.getGuildById(pending.guildId());
        if (guild == null) {
            return Optional.empty();
        }
        GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, pending.channelId());
        if (channel == null) {
            return Optional.empty();
        }
        Member member = guild.retrieveMemberById(trigger.getAuthor().getIdLong()).complete();
        GuildChannel permissionHolder = channel instanceof ThreadChannel thread ? thread.getParentChannel() : channel;
        if (!member.hasPermission(permissionHolder, Permission.VIEW_CHANNEL, Permission.MESSAGE_HISTORY)) {
            return Optional.empty();
        }
        return Optional.of(channel);
    }

    private static ReferenceInput reference(Message message) {
        String shown = message.getMember() != null ? message.getMember().getEffectiveName()
                : Optional.ofNullable(message.getAuthor().getGlobalName()).orElse(message.getAuthor().getName());
        // a person's message is shown under their persona; a character's (webhook) or a bot's under its own name
        boolean automated = message.isWebhookMessage() || message.getAuthor().isBot();
        Optional<String> person = automated ? Optional.empty() : Optional.of(message.getAuthor().getId());
        return new ReferenceInput(Optional.of(message.getId()), shown, message.getAuthor().getName(),
                Optional.of(message.getTimeCreated().toInstant()), message.getContentRaw(), embeds(message.getEmbeds()),
                Attachments.of(message), false, person, automated);
    }

    private static ReferenceInput forwarded(Message trigger, MessageSnapshot snapshot) {
        boolean voice = snapshot.getFlags().contains(Message.MessageFlag.IS_VOICE_MESSAGE);
        return new ReferenceInput(Optional.empty(), "forwarded message", trigger.getAuthor().getName(),
                Optional.ofNullable(snapshot.getTimeEdited()).map(t -> t.toInstant()), snapshot.getContentRaw(),
                embeds(snapshot.getEmbeds()), Attachments.of(snapshot.getAttachments(), voice), true);
    }

    private static List<String> embeds(List<MessageEmbed> embeds) {
        List<String> texts = new ArrayList<>();
        for (MessageEmbed embed : embeds) {
            StringBuilder text = new StringBuilder();
            appendLine(text, embed.getTitle());
            appendLine(text, embed.getDescription());
            for (MessageEmbed.Field field : embed.getFields()) {
                appendLine(text, field.getName() + ": " + field.getValue());
            }
            if (embed.getFooter() != null) {
                appendLine(text, embed.getFooter().getText());
            }
            if (!text.isEmpty()) {
                texts.add(text.toString());
            }
        }
        return texts;
    }

    private static void appendLine(StringBuilder text, String line) {
        if (line != null && !line.isBlank()) {
            text.append(text.isEmpty() ? "" : "\n").append(line);
        }
    }
}
