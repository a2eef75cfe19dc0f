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
        String content = Xml.text(names.apply(memory.content()).strip());
        String score = " relevance=\"" + String.format(java.util.Locale.ROOT, "%.2f", memory.score()) + "\">";
        return memory.createdAt()
                .map(at -> "<historical_note t=\"" + Xml.attr(PromptTimes.promptTimestamp(at, now, zone)) + "\"" + score
                        + content + "</historical_note>")
                .orElseGet(() -> "<historical_note" + score + content + "</historical_note>");
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
