package io.tzurot.core.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the extraction model's answer: one operation a line ({@code ADD 0.9 | text}, {@code REPLACE 2 0.8 | text},
 * {@code REMOVE 3}, or {@code NONE}). Models decorate their answers (code fences, bullets, numbering, prose), so
 * those are tolerated; a line that is none of these is ignored, and an answer with no valid line at all (and no
 * NONE) is bad output: nothing is stored.
 */
public final class FactAnswer {

    /** Facts the model is less sure of than this are not kept. */
    public static final double MIN_CONFIDENCE = 0.5;
    /** The confidence of an operation that gives none. */
    static final double DEFAULT_CONFIDENCE = 0.7;
    /** At most this many operations are taken from one answer (a runaway model cannot flood the store). */
    static final int MAX_OPERATIONS = 10;

    private static final Pattern DECORATION = Pattern.compile("^\\s*(?:[-*•]|\\d{1,2}[.)])?\\s*");
    private static final Pattern ADD = Pattern.compile("(?i)^ADD(?:\\s+(\\d*\\.?\\d+))?\\s*[|:]\\s*(.+)$");
    private static final Pattern REPLACE = Pattern.compile(
            "(?i)^REPLACE\\s+#?(\\d{1,3})(?:\\s+(\\d*\\.?\\d+))?\\s*[|:]\\s*(.+)$");
    private static final Pattern REMOVE = Pattern.compile("(?i)^REMOVE\\s+#?(\\d{1,3})\\s*\\.?$");
    private static final Pattern NONE = Pattern.compile("(?i)^NONE\\.?$");

    /** The parsed answer: the changes, and whether the answer was understood at all. */
    public record Parsed(List<FactChange> changes, boolean understood, int ignoredLines) {
    }

    private FactAnswer() {
    }

    /**
     * The changes {@code answer} asks for; {@code known} are the facts shown to the model, numbered from 1, so
     * {@code REPLACE 2} means {@code known.get(1)}.
     */
    public static Parsed parse(String answer, List<MemoryFact> known) {
        if (answer == null || answer.isBlank()) {
            return new Parsed(List.of(), false, 0);
        }
        List<FactChange> changes = new ArrayList<>();
        boolean understood = false;
        int ignored = 0;
        for (String raw : answer.split("\\R")) {
            String line = DECORATION.matcher(raw).replaceFirst("").strip();
            if (line.isEmpty() || line.startsWith("```")) {
                continue;
            }
            Optional<FactChange> change = Optional.empty();
            Matcher m;
            if (NONE.matcher(line).matches()) {
                understood = true;
                continue;
            } else if ((m = ADD.matcher(line)).matches()) {
                change = add(m.group(2), m.group(1));
                understood |= change.isPresent();
            } else if ((m = REPLACE.matcher(line)).matches()) {
                String text = m.group(3);
                String confidence = m.group(2);
                change = fact(m.group(1), known).flatMap(f -> replace(f, text, confidence));
                understood |= change.isPresent();
            } else if ((m = REMOVE.matcher(line)).matches()) {
                change = fact(m.group(1), known).map(f -> new FactChange.Remove(f.id()));
                understood |= change.isPresent();
            }
            if (change.isEmpty()) {
                ignored++;
            } else if (changes.size() < MAX_OPERATIONS) {
                changes.add(change.get());
            }
        }
        return new Parsed(List.copyOf(changes), understood, ignored);
    }

    private static Optional<FactChange> add(String text, String confidence) {
        double c = confidence(confidence);
        if (c < MIN_CONFIDENCE) {
            return Optional.empty();
        }
        return FactText.clean(unquote(text)).map(t -> new FactChange.Add(t, c));
    }

    private static Optional<FactChange> replace(MemoryFact old, String text, String confidence) {
        double c = confidence(confidence);
        if (c < MIN_CONFIDENCE || old.locked()) {
            return Optional.empty();
        }
        return FactText.clean(unquote(text)).map(t -> new FactChange.Replace(old.id(), t, c));
    }

    private static Optional<MemoryFact> fact(String number, List<MemoryFact> known) {
        int n = Integer.parseInt(number);
        return n >= 1 && n <= known.size() ? Optional.of(known.get(n - 1)) : Optional.empty();
    }

    private static double confidence(String raw) {
        if (raw == null) {
            return DEFAULT_CONFIDENCE;
        }
        double c = Double.parseDouble(raw);
        return c > 1 && c <= 100 ? c / 100 : Math.min(1, c); // "90" means 90 %
    }

    private static String unquote(String text) {
        return text.strip().replaceAll("^[\"“]+|[\"”]+$", "");
    }

    /** The ids an answer's changes name, for logging (never the texts, which are personal). */
    static List<UUID> ids(List<FactChange> changes) {
        List<UUID> out = new ArrayList<>();
        for (FactChange c : changes) {
            if (c instanceof FactChange.Replace r) {
                out.add(r.id());
            } else if (c instanceof FactChange.Remove r) {
                out.add(r.id());
            }
        }
        return out;
    }

    static String kinds(List<FactChange> changes) {
        return changes.stream().map(c -> c.getClass().getSimpleName().toLowerCase(Locale.ROOT)).toList().toString();
    }
}
