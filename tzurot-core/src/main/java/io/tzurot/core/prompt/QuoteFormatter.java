package io.tzurot.core.prompt;

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
            Instant now, ZoneId zone) {
        if (references.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<contextual_references>\n");
        int number = 1;
        for (ReferencedMessage reference : references) {
            out.append(quote(reference, OptionalInt.of(number++), isInHistory(reference, historyMessageIds), now, zone))
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

    private static boolean isInHistory(ReferencedMessage reference, Collection<String> historyMessageIds) {
        return reference.messageId().map(historyMessageIds::contains).orElse(false);
    }
}
