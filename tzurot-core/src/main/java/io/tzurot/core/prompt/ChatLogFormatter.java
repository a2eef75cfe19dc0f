package io.tzurot.core.prompt;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/** Renders history entries as {@code <message>} lines of the {@code <chat_log>} section. */
final class ChatLogFormatter {

    static final String EMPTY_SECTION = "<chat_log>\n</chat_log>";

    private final PromptPersonality personality;
    private final Set<String> personalityNames;
    private final Set<String> otherCharacters;
    private final Collection<String> historyMessageIds;
    private final Instant now;
    private final ZoneId zone;

    /**
     * A formatter for {@code personality}'s prompt; the turns of {@code otherCharacters} (personality ids) are shown
     * as another participant's, by name, never as its own.
     */
    ChatLogFormatter(PromptPersonality personality, List<HistoryEntry> history, Collection<String> historyMessageIds,
            Instant now, ZoneId zone, Set<String> otherCharacters) {
        this.personality = personality;
        this.otherCharacters = otherCharacters;
        this.historyMessageIds = historyMessageIds;
        this.now = now;
        this.zone = zone;
        // Users whose persona name equals any character's name get their username appended, so the log stays clear.
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.add(personality.name());
        names.add(personality.displayName());
        for (HistoryEntry entry : history) {
            if (entry.role() == HistoryEntry.Role.ASSISTANT && !entry.speakerName().isEmpty()) {
                names.add(entry.speakerName());
            }
        }
        this.personalityNames = names;
    }

    /** The section around already rendered lines (oldest first), as pieces to render and count (none without lines). */
    static List<String> atoms(List<String> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(lines.size() + 2);
        out.add("<chat_log>\n");
        lines.forEach(line -> out.add(line + "\n"));
        out.add("</chat_log>");
        return out;
    }

    /** One {@code <message>} line. */
    String line(HistoryEntry entry) {
        StringBuilder out = new StringBuilder(entry.content().length() + 160);
        out.append("<message from=\"").append(Xml.attr(speaker(entry))).append('"');
        boolean other = entry.role() == HistoryEntry.Role.ASSISTANT
                && entry.speakerPersonaId().filter(otherCharacters::contains).isPresent();
        if (entry.role() == HistoryEntry.Role.USER || other) {
            entry.speakerPersonaId().ifPresent(id -> out.append(" from_id=\"").append(Xml.attr(id)).append('"'));
        }
        // another character's turn is someone else speaking to this one: only this character's own are "assistant"
        String role = other ? "user" : entry.role().name().toLowerCase(Locale.ROOT);
        out.append(" role=\"").append(role).append('"')
                .append(" t=\"").append(Xml.attr(PromptTimes.promptTimestamp(entry.createdAt(), now, zone))).append("\">")
                .append(Xml.text(entry.content().strip()));
        appendQuotes(out, entry.quoted());
        appendAttachments(out, entry.attachments());
        return out.append("</message>").toString();
    }

    private String speaker(HistoryEntry entry) {
        if (entry.role() == HistoryEntry.Role.ASSISTANT) {
            return entry.speakerName().isEmpty() ? personality.displayName() : entry.speakerName();
        }
        String name = entry.speakerName().isEmpty() ? "User" : entry.speakerName();
        if (personalityNames.contains(name) && entry.speakerUsername().isPresent()) {
            return name + " (@" + entry.speakerUsername().get() + ")";
        }
        return name;
    }

    private void appendQuotes(StringBuilder out, List<ReferencedMessage> quoted) {
        if (quoted.isEmpty()) {
            return;
        }
        out.append("\n<quoted_messages>");
        for (ReferencedMessage quote : quoted) {
            boolean inHistory = quote.messageId().map(historyMessageIds::contains).orElse(false);
            out.append('\n').append(QuoteFormatter.quote(quote, OptionalInt.empty(), inHistory, now, zone));
        }
        out.append("\n</quoted_messages>");
    }

    private static void appendAttachments(StringBuilder out, List<Attachment> attachments) {
        StringBuilder images = new StringBuilder();
        StringBuilder transcripts = new StringBuilder();
        StringBuilder files = new StringBuilder();
        for (Attachment attachment : attachments) {
            if (attachment instanceof Attachment.Image image) {
                images.append("<image filename=\"").append(Xml.attr(image.filename())).append("\">")
                        .append(Xml.text(image.description())).append("</image>");
            } else if (attachment instanceof Attachment.File file) {
                files.append(Xml.text("[" + file.mediaType() + ": " + file.filename() + "]"));
            } else {
                transcripts.append("<transcript>").append(Xml.text(attachment.text())).append("</transcript>");
            }
        }
        wrap(out, "image_descriptions", images);
        wrap(out, "voice_transcripts", transcripts);
        wrap(out, "attachments", files);
    }

    private static void wrap(StringBuilder out, String tag, StringBuilder body) {
        if (body.length() > 0) {
            out.append("\n<").append(tag).append('>').append(body).append("</").append(tag).append('>');
        }
    }
}
