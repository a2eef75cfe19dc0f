package io.tzurot.core.prompt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/** Renders referenced and quoted messages as {@code <quote>} elements and the references section. */
final class QuoteFormatter {

    private QuoteFormatter() {
    }

    /** The {@code <contextual_references>} section, or empty text when there is nothing to show. */
    static String referencesSection(List<ReferencedMessage> references, Collection<String> historyMessageIds,
            List<Instant> historyTimes, Instant now, ZoneId zone) {
        if (references.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<contextual_references>\n");
        int number = 1;
        for (ReferencedMessage reference : references) {
            out.append(quote(reference, OptionalInt.of(number++), isInHistory(reference, historyMessageIds, historyTimes, now), now, zone))
                    .append('\n');
        }
        return out.append("</contextual_references>").toString();
    }

    /** A {@code <quote>}; a message already in the chat log is shortened to a stub pointing there. */
    static String quote(ReferencedMessage message, OptionalInt number, boolean inHistory, Instant now, ZoneId zone) {
        StringBuilder out = new StringBuilder("<quote");
        number.ifPresent(n -> out.append(" number=\"").append(n).append('"'));
        if (message.forwarded()) {
            out.append(" type=\"forward\" from=\"Unknown\">\n");
        } else {
            out.append(" from=\"").append(Xml.attr(message.authorName())).append('"');
            if (!message.authorUsername().isBlank()) {
                out.append(" username=\"").append(Xml.attr(message.authorUsername())).append('"');
            }
            out.append(">\n");
        }
        message.sentAt().ifPresent(at -> out.append("<time absolute=\"").append(Xml.attr(PromptTimes.shortDate(at, zone)))
                .append("\" relative=\"").append(Xml.attr(PromptTimes.relative(at, now))).append("\"/>\n"));
        String content = inHistory ? FixedInstructions.referenceStub(message.content().strip()) : message.content().strip();
        out.append("<content>").append(Xml.text(content)).append("</content>\n");
        if (!inHistory) {
            appendEmbeds(out, message.embeds());
            appendAttachments(out, message.attachments());
        }
        return out.append("</quote>").toString();
    }

    private static void appendEmbeds(StringBuilder out, List<String> embeds) {
        List<String> present = embeds.stream().filter(e -> e != null && !e.isBlank()).toList();
        if (present.isEmpty()) {
            return;
        }
        out.append("<embeds>");
        for (String embed : present) {
            out.append("<embed>").append(Xml.text(embed.strip())).append("</embed>");
        }
        out.append("</embeds>\n");
    }

    private static void appendAttachments(StringBuilder out, List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            return;
        }
        out.append("<attachments>\n");
        for (Attachment attachment : attachments) {
            out.append(Xml.text(attachment.listLine())).append('\n');
        }
        out.append("</attachments>\n");
    }

    /** A bot's or webhook's post this recent may be in history before its Discord id is (spec/discord.md §1.9). */
    static final Duration RECENT_POST = Duration.ofSeconds(60);
    /** How close a stored turn's time must be to such a post to count as the same message. */
    static final Duration SAME_MESSAGE = Duration.ofSeconds(15);

    /**
     * Already in the chat log: the same platform id, or a recent bot/webhook post with a stored turn within
     * {@link #SAME_MESSAGE} of it (a reply whose ids are not stored yet).
     */
    static boolean isInHistory(ReferencedMessage reference, Collection<String> historyMessageIds,
                               List<Instant> historyTimes, Instant now) {
        if (reference.messageId().map(historyMessageIds::contains).orElse(false)) {
            return true;
        }
        if (!reference.automated() || reference.sentAt().isEmpty()) {
            return false;
        }
        Instant sent = reference.sentAt().get();
        if (Duration.between(sent, now).abs().compareTo(RECENT_POST) > 0) {
            return false;
        }
        return historyTimes.stream().anyMatch(t -> Duration.between(t, sent).abs().compareTo(SAME_MESSAGE) <= 0);
    }
}
