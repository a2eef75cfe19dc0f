package io.tzurot.core.prompt;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Renders long-term memories as the {@code <memory_archive>} section. */
public final class MemoryArchive {

    private static final String OPEN = "<memory_archive usage=\"context_only_do_not_repeat\">\n<instruction>"
            + FixedInstructions.MEMORY_INSTRUCTION + "</instruction>\n";
    private static final String CLOSE = "</memory_archive>";

    private MemoryArchive() {
    }

    /**
     * One {@code <historical_note>}: placeholders substituted, content escaped, time in the user's zone, and its
     * relevance score (two decimals) so the model can weigh a faint memory less than a close one.
     */
    public static String note(MemoryNote memory, Instant now, ZoneId zone, Placeholders names) {
        return noteParts(memory, now, zone, names).text();
    }

    /** The tokens of {@link #note} followed by a newline, counted as {@link NoteParts#tokens} does. */
    public static long noteTokens(MemoryNote memory, Instant now, ZoneId zone, Placeholders names, TokenCounter tokens) {
        return noteParts(memory, now, zone, names).tokens(tokens);
    }

    /** {@link #note} in its two parts: what changes from reply to reply (time, score) and the memory itself. */
    static NoteParts noteParts(MemoryNote memory, Instant now, ZoneId zone, Placeholders names) {
        String content = Xml.text(names.apply(memory.content()).strip());
        String score = " relevance=\"" + String.format(java.util.Locale.ROOT, "%.2f", memory.score()) + "\">";
        String head = memory.createdAt()
                .map(at -> "<historical_note t=\"" + Xml.attr(PromptTimes.promptTimestamp(at, now, zone)) + "\"" + score)
                .orElseGet(() -> "<historical_note" + score);
        return new NoteParts(head, content + "</historical_note>");
    }

    /**
     * A note's opening tag (its time and score differ on every reply) and its body (the same text each time the
     * memory is recalled).
     */
    public record NoteParts(String head, String body) {

        public String text() {
            return head + body;
        }

        /**
         * The tokens of this note followed by a newline. When the body starts with a letter or a digit, the opening
         * tag's closing {@code ">} and the body never share a piece of the tokenizer's pre-split (cl100k: a run of
         * punctuation stops at a letter or digit; a letter or digit run takes at most one non-letter before it, and
         * {@code >} is already taken), so the sum of the two counts is exact and the body's count, the same on every
         * reply, comes from the counter's memo. Otherwise the whole line is counted.
         */
        public long tokens(TokenCounter tokens) {
            if (!body.isEmpty()) {
                int first = body.codePointAt(0);
                if (Character.isLetter(first) || Character.isDigit(first)) {
                    return tokens.countOnce(head) + tokens.count(body + "\n");
                }
            }
            return tokens.countOnce(text() + "\n");
        }
    }

    /** {@link #section} as pieces to render and count: the opening, note lines (each ending in a newline), the closing. */
    static List<String> atoms(List<String> noteLines) {
        List<String> out = new ArrayList<>(noteLines.size() + 2);
        out.add(OPEN);
        out.addAll(noteLines);
        out.add(CLOSE);
        return out;
    }

    /** The whole section around already rendered notes; an empty list gives the empty wrapper. */
    public static String section(List<String> notes) {
        StringBuilder out = new StringBuilder(OPEN);
        for (String note : notes) {
            out.append(note).append('\n');
        }
        return out.append(CLOSE).toString();
    }
}
