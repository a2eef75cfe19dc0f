package io.tzurot.core.lorebook;

import java.util.List;
import java.util.Objects;

/**
 * One world-info entry with every field SillyTavern and the V2/V3 card specs define. A null setting means the
 * source file did not have it (so an export writes it back absent and the reader applies the global default).
 *
 * @param entryId   the entry's id in its source ({@code id} of a card book, {@code uid} of a world file), or null
 * @param idIsText  true when that id was a JSON string rather than a number (V3 allows both)
 * @param keys      primary trigger keys (plain text, or {@code /regex/flags})
 * @param secondaryKeys optional keys consulted when selective
 * @param content   the text inserted when the entry activates
 * @param comment   a label or memo, never prompted (null when absent)
 * @param name      the V2 label, never prompted (null when absent)
 * @param extensionsJson the entry's {@code extensions} object, minus the keys held in typed fields, as JSON text
 * @param extraJson unknown entry-level keys, as a JSON object text ({@code {}} when none)
 */
public record LorebookEntry(String entryId, boolean idIsText, List<String> keys, List<String> secondaryKeys,
                            String content, String comment, String name, Matching matching, Placement placement,
                            Timing timing, Grouping grouping, Recursion recursion, String automationId,
                            String characterFilterJson, String extensionsJson, String extraJson) {

    public LorebookEntry {
        keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
        secondaryKeys = List.copyOf(Objects.requireNonNull(secondaryKeys, "secondaryKeys"));
        Objects.requireNonNull(content, "content");
        matching = matching == null ? Matching.UNSET : matching;
        placement = placement == null ? Placement.UNSET : placement;
        timing = timing == null ? Timing.UNSET : timing;
        grouping = grouping == null ? Grouping.UNSET : grouping;
        recursion = recursion == null ? Recursion.UNSET : recursion;
        extensionsJson = extensionsJson == null ? "{}" : extensionsJson;
        extraJson = extraJson == null ? "{}" : extraJson;
    }

    /** A plain entry: keys and content, every setting left to the defaults. */
    public static LorebookEntry of(List<String> keys, String content) {
        return new LorebookEntry(null, false, keys, List.of(), content, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** Whether the entry may ever activate (SillyTavern's {@code disable}, the card's {@code enabled}). */
    public boolean isEnabled() {
        return matching.enabled() == null || matching.enabled();
    }

    /**
     * How the entry is matched.
     *
     * @param selectiveLogic 0 AND_ANY, 1 NOT_ALL, 2 NOT_ANY, 3 AND_ALL (SillyTavern's numbering)
     * @param scanDepth      messages scanned for this entry; null = the book's or global depth
     * @param probability    0-100 chance to activate once matched
     */
    public record Matching(Boolean enabled, Boolean constant, Boolean selective, Integer selectiveLogic,
                           Boolean caseSensitive, Boolean matchWholeWords, Boolean useRegex, Integer scanDepth,
                           Integer probability, Boolean useProbability, Boolean vectorized) {
        /** Nothing set. */
        public static final Matching UNSET = new Matching(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Where and in which order activated content goes.
     *
     * @param insertionOrder card {@code insertion_order} / world {@code order}: lower is placed earlier
     * @param priority       card {@code priority}: lower is dropped first when over budget
     * @param cardPosition   card {@code position}: {@code before_char} or {@code after_char} (or what the file said)
     * @param position       SillyTavern's numeric position 0-7 (0 before char, 1 after, 2/3 Author's Note top/bottom,
     *                       4 at depth, 5/6 before/after examples, 7 outlet)
     * @param depth          messages from the end for position 4
     * @param role           0 system, 1 user, 2 assistant, for position 4
     */
    public record Placement(Integer insertionOrder, Integer priority, String cardPosition, Integer position,
                            Integer depth, Integer role, Integer displayIndex) {
        /** Nothing set. */
        public static final Placement UNSET = new Placement(null, null, null, null, null, null, null);
    }

    /** Timed effects in chat messages: stays active (sticky), then blocked (cooldown); not before (delay) messages. */
    public record Timing(Integer sticky, Integer cooldown, Integer delay) {
        /** Nothing set. */
        public static final Timing UNSET = new Timing(null, null, null);
    }

    /** Inclusion groups: one member of a group fires, by override, score or weight. */
    public record Grouping(String group, Boolean groupOverride, Integer groupWeight, Boolean useGroupScoring) {
        /** Nothing set. */
        public static final Grouping UNSET = new Grouping(null, null, null, null);
    }

    /**
     * Recursive scanning flags.
     *
     * @param delayUntilRecursion 0 = no delay, N = only from recursion level N (SillyTavern's {@code true} is level 1)
     */
    public record Recursion(Boolean excludeRecursion, Boolean preventRecursion, Integer delayUntilRecursion) {
        /** Nothing set. */
        public static final Recursion UNSET = new Recursion(null, null, null);
    }
}
