package io.tzurot.core.lorebook.activation;

import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.prompt.TokenCounter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.DoubleSupplier;

/** Builders for scan tests: entries with only the settings a test names, books, chats and scripted dice. */
final class LoreFixtures {

    /** One token per character, so budgets can be worked out by hand. */
    static final TokenCounter CHARS = text -> text == null ? 0 : text.length();

    private LoreFixtures() {
    }

    static Entry entry(String id, String content, String... keys) {
        return new Entry(id, content, List.of(keys));
    }

    static List<LoreMessage> chat(String... texts) {
        List<LoreMessage> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            out.add(new LoreMessage(i % 2 == 0 ? "Ann" : "Bot", texts[i]));
        }
        return out;
    }

    static LoreBook book(Entry... entries) {
        return book(null, null, null, entries);
    }

    static LoreBook book(Integer scanDepth, Integer tokenBudget, Boolean recursive, Entry... entries) {
        return new LoreBook("b", new LorebookContent("Book", null, scanDepth, tokenBudget, recursive, null, null,
                Arrays.stream(entries).map(Entry::build).toList()));
    }

    /** A scan of one book over {@code chat} with default settings and a 10,000-token window. */
    static LoreActivation scan(LoreBook book, List<LoreMessage> chat) {
        return scan(book, chat, LoreSettings.DEFAULTS, LoreTiming.START, () -> 0.0);
    }

    static LoreActivation scan(LoreBook book, List<LoreMessage> chat, LoreSettings settings, LoreTiming timing,
                               DoubleSupplier dice) {
        return new LorebookScanner(CHARS, dice).scan(new LoreScanRequest(List.of(book), chat, 10_000, settings), timing);
    }

    static List<String> ids(LoreActivation activation) {
        return activation.fired().stream().map(FiredEntry::entryId).toList();
    }

    /** Dice that return the given numbers in [0, 1) in turn, then fail the test if asked again. */
    static DoubleSupplier dice(double... rolls) {
        Deque<Double> queue = new ArrayDeque<>();
        for (double r : rolls) {
            queue.add(r);
        }
        return () -> {
            if (queue.isEmpty()) {
                throw new AssertionError("rolled more often than scripted");
            }
            return queue.poll();
        };
    }

    /** A mutable entry under construction. */
    static final class Entry {
        private final String id;
        private final String content;
        private final List<String> keys;
        private List<String> secondary = List.of();
        private Boolean enabled;
        private Boolean constant;
        private Boolean selective;
        private Integer logic;
        private Boolean caseSensitive;
        private Boolean wholeWords;
        private Integer scanDepth;
        private Integer probability;
        private Integer order;
        private Integer position;
        private String cardPosition;
        private Integer depth;
        private Integer role;
        private Integer sticky;
        private Integer cooldown;
        private Integer delay;
        private String group;
        private Boolean groupOverride;
        private Integer groupWeight;
        private Boolean groupScoring;
        private Boolean excludeRecursion;
        private Boolean preventRecursion;
        private Integer delayUntilRecursion;
        private String comment;

        Entry(String id, String content, List<String> keys) {
            this.id = id;
            this.content = content;
            this.keys = keys;
        }

        Entry secondary(int selectiveLogic, String... keys) {
            this.secondary = List.of(keys);
            this.logic = selectiveLogic;
            return this;
        }

        Entry selective(boolean value) {
            this.selective = value;
            return this;
        }

        Entry disabled() {
            this.enabled = false;
            return this;
        }

        Entry constant() {
            this.constant = true;
            return this;
        }

        Entry caseSensitive(boolean value) {
            this.caseSensitive = value;
            return this;
        }

        Entry wholeWords(boolean value) {
            this.wholeWords = value;
            return this;
        }

        Entry scanDepth(int value) {
            this.scanDepth = value;
            return this;
        }

        Entry probability(int value) {
            this.probability = value;
            return this;
        }

        Entry order(int value) {
            this.order = value;
            return this;
        }

        Entry position(int value) {
            this.position = value;
            return this;
        }

        Entry cardPosition(String value) {
            this.cardPosition = value;
            return this;
        }

        Entry atDepth(int d, int r) {
            this.position = 4;
            this.depth = d;
            this.role = r;
            return this;
        }

        Entry sticky(int value) {
            this.sticky = value;
            return this;
        }

        Entry cooldown(int value) {
            this.cooldown = value;
            return this;
        }

        Entry delay(int value) {
            this.delay = value;
            return this;
        }

        Entry group(String value) {
            this.group = value;
            return this;
        }

        Entry groupOverride() {
            this.groupOverride = true;
            return this;
        }

        Entry groupWeight(int value) {
            this.groupWeight = value;
            return this;
        }

        Entry groupScoring() {
            this.groupScoring = true;
            return this;
        }

        Entry excludeRecursion() {
            this.excludeRecursion = true;
            return this;
        }

        Entry preventRecursion() {
            this.preventRecursion = true;
            return this;
        }

        Entry delayUntilRecursion(int level) {
            this.delayUntilRecursion = level;
            return this;
        }

        Entry comment(String value) {
            this.comment = value;
            return this;
        }

        LorebookEntry build() {
            return new LorebookEntry(id, false, keys, secondary, content, comment, null,
                    new LorebookEntry.Matching(enabled, constant, selective, logic, caseSensitive, wholeWords, null,
                            scanDepth, probability, null, null),
                    new LorebookEntry.Placement(order, null, cardPosition, position, depth, role, null),
                    new LorebookEntry.Timing(sticky, cooldown, delay),
                    new LorebookEntry.Grouping(group, groupOverride, groupWeight, groupScoring),
                    new LorebookEntry.Recursion(excludeRecursion, preventRecursion, delayUntilRecursion),
                    null, null, null, null);
        }
    }
}
