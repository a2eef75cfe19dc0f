package io.tzurot.core.lorebook.activation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text an entry is scanned against, per scan depth: the newest messages first, one per line, then (in a
 * recursion pass) the content of the entries already fired. Built once per depth and pass, with its lower-case copy.
 */
final class ScanText {

    /** A scan text and its lower-case copy. */
    record Text(String raw, String lowered) {
    }

    private final String[] newestFirst;
    private final String recursionBuffer;
    private final Map<Integer, Text> byDepth = new HashMap<>();

    private ScanText(String[] newestFirst, String recursionBuffer) {
        this.newestFirst = newestFirst;
        this.recursionBuffer = recursionBuffer;
    }

    /** The chat text of the first pass. */
    static ScanText of(List<LoreMessage> oldestFirst, boolean includeNames) {
        String[] newestFirst = new String[oldestFirst.size()];
        for (int i = 0; i < newestFirst.length; i++) {
            newestFirst[i] = oldestFirst.get(oldestFirst.size() - 1 - i).scanned(includeNames);
        }
        return new ScanText(newestFirst, "");
    }

    /** The same chat with the content fired so far appended (a recursion pass). */
    ScanText withRecursion(String buffer) {
        return new ScanText(newestFirst, buffer);
    }

    /** The text for an entry scanning {@code depth} messages (0 = none, only recursion content). */
    Text at(int depth) {
        return byDepth.computeIfAbsent(Math.min(depth, newestFirst.length), d -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < d; i++) {
                if (i > 0) {
                    out.append('\n');
                }
                out.append(newestFirst[i]);
            }
            if (!recursionBuffer.isEmpty()) {
                out.append(out.length() > 0 ? "\n" : "").append(recursionBuffer);
            }
            String raw = out.toString();
            return new Text(raw, raw.toLowerCase(Locale.ROOT));
        });
    }
}
