package io.tzurot.core.summaries;

import io.tzurot.core.memory.Memory;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How the faces mark a summary in memory lists: 📜, the number of originals and the days it covers (UTC). */
public final class SummaryLabel {

    /** The mark shown before a summary. */
    public static final String MARK = "📜";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private SummaryLabel() {
    }

    /** e.g. "📜 summary of 12 memories, 2026-03-02 – 2026-03-05"; empty for a memory that is not a summary. */
    public static Optional<String> of(Memory m) {
        if (!m.isSummary()) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder(MARK).append(" summary");
        if (m.originalMessageCount() != null) {
            s.append(" of ").append(m.originalMessageCount()).append(m.originalMessageCount() == 1 ? " memory" : " memories");
        }
        if (m.coversFrom() != null && m.coversUntil() != null) {
            String from = DAY.format(m.coversFrom());
            String until = DAY.format(m.coversUntil());
            s.append(", ").append(from.equals(until) ? from : from + " – " + until);
        }
        return Optional.of(s.toString());
    }
}
