package io.tzurot.core.summaries;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a model's summary: a wrapping code fence, a "Summary:" label and surrounding quotes are dropped, blank
 * lines collapsed; an empty answer, a refusal-sized one (under 20 characters) or {@code NONE} gives nothing, and an
 * over-long one is cut at the last sentence that fits {@link NewSummary#MAX_CHARS}.
 */
public final class SummaryAnswer {

    static final int MIN_CHARS = 20;
    private static final Pattern FENCE = Pattern.compile("^```[a-zA-Z]*\\s*|\\s*```$");
    private static final Pattern LABEL = Pattern.compile("^(?i)(\\*\\*)?summary(\\*\\*)?\\s*:\\s*(\\*\\*)?");

    private SummaryAnswer() {
    }

    /** The summary text the answer holds, if any. */
    public static Optional<String> read(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        String text = FENCE.matcher(answer.strip()).replaceAll("").strip();
        text = LABEL.matcher(text).replaceFirst("").strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        text = text.replaceAll("\\n\\s*\\n+", "\n\n");
        if (text.length() < MIN_CHARS || text.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        if (text.length() > NewSummary.MAX_CHARS) {
            String cut = text.substring(0, NewSummary.MAX_CHARS);
            int end = cut.lastIndexOf(". ");
            text = end > NewSummary.MAX_CHARS / 2 ? cut.substring(0, end + 1) : cut.strip();
        }
        return Optional.of(text);
    }
}
