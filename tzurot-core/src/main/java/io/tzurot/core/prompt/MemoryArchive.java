package io.tzurot.core.prompt;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

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

    /** {@link #note} in its parts: its time and its score (both change from reply to reply) and the memory itself. */
    static NoteParts noteParts(MemoryNote memory, Instant now, ZoneId zone, Placeholders names) {
        String content = Xml.text(names.apply(memory.content()).strip());
        String score = " relevance=\"" + String.format(java.util.Locale.ROOT, "%.2f", memory.score()) + "\">";
        String opening = memory.createdAt()
                .map(at -> "<historical_note t=\"" + Xml.attr(PromptTimes.promptTimestamp(at, now, zone)) + "\"")
                .orElse("<historical_note");
        return new NoteParts(opening, score, content + NoteBodyTokens.CLOSE, memory, names);
    }

    /**
     * A note's opening tag in two parts, its time ({@code <historical_note t="…"}) and its score
     * ({@code  relevance="0.83">}), and its body (the same text each time the memory is recalled); with the memory
     * and the names it was rendered with, whose stored count may answer for the body.
     */
    public record NoteParts(String opening, String score, String body, MemoryNote memory, Placeholders names) {

        public String text() {
            return opening + score + body;
        }

        /**
         * The tokens of this note followed by a newline, as the sum of its three parts' counts, each from the
         * counter's memo after its first time (a time like "3 days ago" and a score of two decimals take few values;
         * the body is the memory's own). The sum is exact for cl100k whose pre-split never joins across these
         * borders: the score begins with a space before letters, which takes that space and no more; when the body
         * starts with a letter or a digit, the tag's closing {@code ">} (a run of punctuation stops at a letter or
         * digit) and the body's first letter or digit run (which takes at most one non-letter before it, and
         * {@code >} is already taken) stay apart. Otherwise the tag and body are counted together. The body's count
         * comes from the memory's stored one ({@link NoteBodyTokens}) when it has one that holds for these names.
         */
        public long tokens(TokenCounter tokens) {
            long time = tokens.count(opening);
            if (!body.isEmpty()) {
                int first = body.codePointAt(0);
                if (Character.isLetter(first) || Character.isDigit(first)) {
                    return time + tokens.count(score) + bodyTokens(tokens);
                }
            }
            return time + tokens.countOnce(score + body + "\n");
        }

        private long bodyTokens(TokenCounter tokens) {
            if (memory.bodyTokens().isPresent()) {
                OptionalInt known = NoteBodyTokens.withNames(memory.content(), memory.bodyTokens().getAsInt(), names,
                        tokens);
                if (known.isPresent()) {
                    return known.getAsInt();
                }
            }
            return tokens.count(body + "\n");
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
