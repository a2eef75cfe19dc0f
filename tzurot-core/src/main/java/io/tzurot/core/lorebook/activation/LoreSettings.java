package io.tzurot.core.lorebook.activation;

/**
 * Global world-info settings; a book or an entry may override some of them.
 *
 * @param scanDepth          recent messages scanned when neither entry nor book says (0 = no chat text)
 * @param budgetPercent      share of the context window lore may take, in percent (1-100)
 * @param budgetCap          most tokens of lore whatever the window; 0 = no cap
 * @param caseSensitive      keys match case-sensitively when the entry does not say
 * @param matchWholeWords    single-word keys must stand as whole words when the entry does not say
 * @param recursive          activated content may trigger other entries when the book does not say
 * @param maxRecursionSteps  most scan passes in one activation (the first pass included); the recursion depth cap
 * @param includeNames       each scanned message is "Name: text" rather than the text alone
 * @param useGroupScoring    inclusion groups keep only their best-scoring members when the entry does not say
 */
public record LoreSettings(int scanDepth, int budgetPercent, int budgetCap, boolean caseSensitive,
                           boolean matchWholeWords, boolean recursive, int maxRecursionSteps, boolean includeNames,
                           boolean useGroupScoring) {

    /** Most messages a scan may reach back, whatever a book or entry asks. */
    public static final int MAX_SCAN_DEPTH = 1000;

    /** SillyTavern's shipped defaults, with recursion capped at five passes. */
    public static final LoreSettings DEFAULTS = new LoreSettings(2, 25, 0, false, true, true, 5, true, false);

    public LoreSettings {
        if (scanDepth < 0 || scanDepth > MAX_SCAN_DEPTH) {
            throw new IllegalArgumentException("scanDepth must be 0-" + MAX_SCAN_DEPTH + ", was " + scanDepth);
        }
        if (budgetPercent < 1 || budgetPercent > 100) {
            throw new IllegalArgumentException("budgetPercent must be 1-100, was " + budgetPercent);
        }
        if (budgetCap < 0) {
            throw new IllegalArgumentException("budgetCap must be >= 0, was " + budgetCap);
        }
        if (maxRecursionSteps < 1) {
            throw new IllegalArgumentException("maxRecursionSteps must be >= 1, was " + maxRecursionSteps);
        }
    }

    /** A copy with another scan depth. */
    public LoreSettings withScanDepth(int depth) {
        return new LoreSettings(depth, budgetPercent, budgetCap, caseSensitive, matchWholeWords, recursive,
                maxRecursionSteps, includeNames, useGroupScoring);
    }

    /** A copy with another budget share and cap. */
    public LoreSettings withBudget(int percent, int cap) {
        return new LoreSettings(scanDepth, percent, cap, caseSensitive, matchWholeWords, recursive, maxRecursionSteps,
                includeNames, useGroupScoring);
    }

    /** A copy with recursion on or off and its pass cap. */
    public LoreSettings withRecursion(boolean on, int maxSteps) {
        return new LoreSettings(scanDepth, budgetPercent, budgetCap, caseSensitive, matchWholeWords, on, maxSteps,
                includeNames, useGroupScoring);
    }

    /** A copy with other matching defaults. */
    public LoreSettings withMatching(boolean caseSensitiveKeys, boolean wholeWords) {
        return new LoreSettings(scanDepth, budgetPercent, budgetCap, caseSensitiveKeys, wholeWords, recursive,
                maxRecursionSteps, includeNames, useGroupScoring);
    }
}
