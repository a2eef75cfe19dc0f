package io.tzurot.core.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the text whose embedding is used to search long-term memory. */
public final class MemorySearchQuery {

    /** Recent raw history messages taken into the query (three turns). */
    static final int RECENT_MESSAGES = 6;
    /** Longest slice of one history message. */
    static final int MAX_MESSAGE_CHARS = 500;

    private MemorySearchQuery() {
    }

    /**
     * The query: the last six history messages (each cut to 500 characters), the current text (unless it is the
     * bare greeting "Hello"), the attachment texts and the referenced messages, joined by blank lines. Empty when
     * there is nothing to search for.
     */
    public static Optional<String> build(List<HistoryEntry> history, CurrentMessage current,
            List<ReferencedMessage> references) {
        List<String> parts = new ArrayList<>(4);
        List<String> recent = history.subList(Math.max(0, history.size() - RECENT_MESSAGES), history.size()).stream()
                .map(entry -> cut(entry.content().strip())).filter(s -> !s.isEmpty()).toList();
        add(parts, String.join("\n", recent));
        String text = current.text().strip();
        if (!text.equalsIgnoreCase("Hello")) {
            add(parts, text);
        }
        add(parts, current.attachments().stream().map(Attachment::text).filter(s -> !s.isBlank()).map(String::strip)
                .collect(Collectors.joining("\n\n")));
        add(parts, references.stream().map(ReferencedMessage::plainText).filter(s -> !s.isBlank())
                .collect(Collectors.joining("\n\n")));
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", parts));
    }

    private static String cut(String content) {
        return content.length() > MAX_MESSAGE_CHARS ? content.substring(0, MAX_MESSAGE_CHARS) + "..." : content;
    }

    private static void add(List<String> parts, String part) {
        if (!part.isBlank()) {
            parts.add(part);
        }
    }
}
