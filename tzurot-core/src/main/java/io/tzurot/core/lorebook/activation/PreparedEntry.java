package io.tzurot.core.lorebook.activation;

import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookEntry;
import java.util.ArrayList;
import java.util.List;

/** One entry with every setting resolved (entry, then decorator, then book, then global) for one scan. */
record PreparedEntry(String key, LorebookEntry entry, Decorators decorators, List<ScanKey> keys,
                     List<ScanKey> secondaryKeys, List<List<ScanKey>> additionalKeys, List<ScanKey> excludeKeys, boolean caseSensitive, boolean wholeWords, int scanDepth,
                     int order, LorePosition position, int depth, LoreRole role, boolean selective, int logic,
                     int probability, boolean useProbability, int sticky, int cooldown, int delay,
                     List<String> groups, boolean groupOverride, int groupWeight, boolean groupScoring,
                     boolean excludeRecursion, boolean feedsRecursion, int recursionLevel, int hash) {

    /** SillyTavern's default insertion order, and depth for an at-depth entry. */
    static final int DEFAULT_ORDER = 100;
    static final int DEFAULT_DEPTH = 4;

    static PreparedEntry of(LoreBook book, ParsedEntry parsed, LorebookEntry e, LoreSettings settings,
                            int messageCount) {
        LorebookContent content = book.content();
        Decorators deco = parsed.decorators();
        LorebookEntry.Matching m = e.matching();
        LorebookEntry.Placement p = e.placement();
        int scanDepth = first(deco.scanDepth(), m.scanDepth(), content.scanDepth(), settings.scanDepth());
        LorePosition position = LorePosition.of(p.position(), p.cardPosition());
        // @@position names a slot and beats any depth; @@depth beats @@reverse_depth (counted from the start)
        Integer decoDepth = deco.depth() != null ? deco.depth()
                : deco.reverseDepth() != null ? Math.max(0, messageCount - deco.reverseDepth()) : null;
        if (deco.position() != null) {
            position = deco.position();
        } else if (decoDepth != null) {
            position = LorePosition.AT_DEPTH;
        }
        int depth = first(decoDepth, p.depth(), DEFAULT_DEPTH, DEFAULT_DEPTH);
        LoreRole role = deco.role() != null ? deco.role() : LoreRole.of(p.role());
        LorebookEntry.Timing t = e.timing();
        LorebookEntry.Grouping g = e.grouping();
        LorebookEntry.Recursion r = e.recursion();
        boolean bookRecursive = content.recursiveScanning() != null ? content.recursiveScanning() : settings.recursive();
        return new PreparedEntry(parsed.key(), e, deco, parsed.keys(), parsed.secondaryKeys(),
                parsed.additionalKeys(), parsed.excludeKeys(),
                m.caseSensitive() != null ? m.caseSensitive() : settings.caseSensitive(),
                m.matchWholeWords() != null ? m.matchWholeWords() : settings.matchWholeWords(),
                Math.min(Math.max(scanDepth, 0), LoreSettings.MAX_SCAN_DEPTH),
                p.insertionOrder() != null ? p.insertionOrder() : DEFAULT_ORDER, position, Math.max(depth, 0), role,
                m.selective() == null || m.selective(), m.selectiveLogic() != null ? m.selectiveLogic() : 0,
                m.probability() != null ? Math.max(0, Math.min(100, m.probability())) : 100,
                m.useProbability() == null || m.useProbability(),
                positive(t.sticky()), positive(t.cooldown()), positive(t.delay()), groups(g.group()),
                Boolean.TRUE.equals(g.groupOverride()), g.groupWeight() != null ? Math.max(0, g.groupWeight()) : 100,
                g.useGroupScoring() != null ? g.useGroupScoring() : settings.useGroupScoring(),
                Boolean.TRUE.equals(r.excludeRecursion()),
                bookRecursive && !Boolean.TRUE.equals(r.preventRecursion()),
                positive(r.delayUntilRecursion()), parsed.hash());
    }

    /** The label people see: the comment, else the name, else empty. */
    String label() {
        if (entry.comment() != null && !entry.comment().isBlank()) {
            return entry.comment();
        }
        return entry.name() != null ? entry.name() : "";
    }

    private static int first(Integer a, Integer b, Integer c, int fallback) {
        return a != null ? a : b != null ? b : c != null ? c : fallback;
    }

    private static int positive(Integer value) {
        return value == null ? 0 : Math.max(0, value);
    }

    private static List<String> groups(String group) {
        if (group == null || group.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String g : group.split(",")) {
            if (!g.isBlank()) {
                out.add(g.strip());
            }
        }
        return out;
    }
}
