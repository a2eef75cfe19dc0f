package io.tzurot.core.lorebook.activation;

import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.prompt.TokenCounter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Decides which lorebook entries fire for one reply, with SillyTavern's world-info algorithm (cards.md §9): entry
 * checks, inclusion groups, probability, then the token budget, pass after pass while fired content triggers more.
 * Pure: the channel's timed-effect state comes in and the next state goes out.
 */
public final class LorebookScanner {

    private final TokenCounter tokens;
    private final DoubleSupplier random;
    private final ParsedBooks parsed = new ParsedBooks();

    /**
     * A scanner counting content with {@code tokens} and rolling probability and group draws with {@code random}.
     *
     * @param random numbers in [0, 1)
     */
    public LorebookScanner(TokenCounter tokens, DoubleSupplier random) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Scans for the turn {@code timing.turn()} of a channel. */
    public LoreActivation scan(LoreScanRequest request, LoreTiming timing) {
        LoreSettings settings = request.settings();
        List<PreparedEntry> entries = prepare(request);
        int budget = budget(request);
        long turn = timing.turn();
        ScanText chat = ScanText.of(request.messages(), settings.includeNames());
        List<ScanText.Text> recursed = new ArrayList<>(); // the content fired in each pass so far
        Set<String> done = new HashSet<>();
        Set<String> groupsFired = new HashSet<>();
        List<FiredEntry> fired = new ArrayList<>();
        Map<String, LoreTiming.Effect> started = new HashMap<>();
        long used = 0;
        boolean overflowed = false;
        int level = 0;
        int passes = 0;
        while (true) {
            passes++;
            List<Candidate> candidates = new ArrayList<>();
            for (PreparedEntry e : entries) {
                if (!done.contains(e.key())) {
                    Candidate c = check(e, chat, recursed, timing, turn, level);
                    if (c != null) {
                        candidates.add(c);
                    }
                }
            }
            // sticky entries first (they hold their place in the budget), then the books' order
            candidates.sort(Comparator.comparing(c -> !c.sticky()));
            candidates = InclusionGroups.choose(candidates, groupsFired, random);
            StringBuilder fedRecursion = new StringBuilder();
            for (Candidate c : candidates) {
                PreparedEntry e = c.entry();
                if (!c.sticky() && e.useProbability() && e.probability() < 100
                        && random.getAsDouble() * 100 >= e.probability()) {
                    done.add(e.key()); // a failed roll counts for the whole reply, as in SillyTavern
                    continue;
                }
                String content = e.decorators().content();
                int cost = tokens.count(content);
                if (used + cost > budget) {
                    if (e.decorators().ignoreOnMaxContext()) {
                        done.add(e.key()); // @@ignore_on_max_context: this one gives way, the others may still fit
                        continue;
                    }
                    overflowed = true;
                    break;
                }
                used += cost;
                done.add(e.key());
                groupsFired.addAll(e.groups());
                fired.add(new FiredEntry(e.key(), e.entry().entryId(), e.label(), content, c.reason(), c.matchedKey(),
                        e.position(), e.depth(), e.role(), e.order(), cost, level));
                if (c.reason() != FiredEntry.Reason.STICKY) {
                    LoreTiming.Effect effect = effectStarted(e, turn);
                    if (effect != null) {
                        started.put(e.key(), effect);
                    }
                }
                if (e.feedsRecursion() && !content.isBlank()) {
                    fedRecursion.append(fedRecursion.length() > 0 ? "\n" : "").append(content);
                }
            }
            if (overflowed || passes >= settings.maxRecursionSteps()) {
                break;
            }
            if (fedRecursion.length() > 0) {
                recursed.add(new ScanText.Text(fedRecursion.toString()));
                level++;
            } else {
                // nothing new to scan: go straight to the lowest recursion level some entry is still waiting for
                int waiting = lowestWaitingLevel(entries, done, level);
                if (waiting < 0) {
                    break;
                }
                level = waiting;
            }
        }
        List<FiredEntry> ordered = new ArrayList<>(fired);
        ordered.sort(Comparator.comparingInt(FiredEntry::order)); // stable: ties keep their firing order
        return new LoreActivation(ordered, budget, (int) used, overflowed, passes, timing.next(started));
    }

    /**
     * The timed effect an entry starts by firing on {@code turn}, or null: its sticky and cooldown, where
     * {@code @@keep_activate_after_match} is a sticky and {@code @@dont_activate_after_match} a cooldown without end.
     */
    private static LoreTiming.Effect effectStarted(PreparedEntry e, long turn) {
        Decorators d = e.decorators();
        long sticky = d.keepAfterMatch() ? Long.MAX_VALUE : e.sticky() > 0 ? turn + e.sticky() : -1;
        long cooldown = d.dontAfterMatch() ? Long.MAX_VALUE
                : e.cooldown() > 0 ? turn + e.sticky() + e.cooldown() : -1;
        return sticky < 0 && cooldown < 0 ? null : new LoreTiming.Effect(sticky, cooldown, e.hash());
    }

    /** One entry's checks in SillyTavern's order; null when it does not fire in this pass. */
    private static Candidate check(PreparedEntry e, ScanText chat, List<ScanText.Text> recursed, LoreTiming timing,
                                   long turn, int level) {
        if (!e.entry().isEnabled()) {
            return null;
        }
        LoreTiming.Effect effect = timing.effect(e.key(), e.hash());
        boolean sticky = effect != null && effect.stickyAt(turn);
        if (turn < e.delay() || (effect != null && effect.coolingAt(turn))) {
            return null;
        }
        if (!sticky && (level < e.recursionLevel() || (e.excludeRecursion() && level > 0))) {
            return null;
        }
        Decorators deco = e.decorators();
        if (deco.activate()) {
            return new Candidate(e, FiredEntry.Reason.DECORATOR, null, 0);
        }
        if (deco.dontActivate() || (!sticky && deco.turnExcludes(turn))) {
            return null; // the turn conditions hold for constant entries too; a sticky one keeps its place
        }
        if (Boolean.TRUE.equals(e.entry().matching().constant())) {
            return new Candidate(e, FiredEntry.Reason.CONSTANT, null, 0);
        }
        if (sticky) {
            return new Candidate(e, FiredEntry.Reason.STICKY, null, 0);
        }
        List<ScanText.Text> texts = new ArrayList<>(recursed.size() + 1);
        texts.add(chat.at(e.scanDepth()));
        texts.addAll(recursed);
        return KeyLogic.match(e, texts);
    }

    private List<PreparedEntry> prepare(LoreScanRequest request) {
        List<PreparedEntry> out = new ArrayList<>();
        for (LoreBook book : request.books()) {
            List<LorebookEntry> bookEntries = book.content().entries();
            List<ParsedEntry> parsedEntries = parsed.entries(book);
            for (int i = 0; i < bookEntries.size(); i++) {
                out.add(PreparedEntry.of(book, parsedEntries.get(i), bookEntries.get(i), request.settings(),
                        request.messages().size()));
            }
        }
        // higher order is considered first (it is placed nearer the chat and wins the budget); ties keep book order
        out.sort(Comparator.comparingInt(PreparedEntry::order).reversed());
        return out;
    }

    /** The global share of the window, capped by the global cap and by any book's own budget; at least 1. */
    static int budget(LoreScanRequest request) {
        LoreSettings s = request.settings();
        long budget = Math.max(1, Math.round(s.budgetPercent() * (double) request.contextWindowTokens() / 100));
        if (s.budgetCap() > 0) {
            budget = Math.min(budget, s.budgetCap());
        }
        for (LoreBook book : request.books()) {
            Integer own = book.content().tokenBudget();
            if (own != null && own > 0) {
                budget = Math.min(budget, own);
            }
        }
        return (int) budget;
    }

    private static int lowestWaitingLevel(List<PreparedEntry> entries, Set<String> done, int level) {
        int lowest = -1;
        for (PreparedEntry e : entries) {
            if (!done.contains(e.key()) && e.recursionLevel() > level
                    && (lowest < 0 || e.recursionLevel() < lowest)) {
                lowest = e.recursionLevel();
            }
        }
        return lowest;
    }
}
