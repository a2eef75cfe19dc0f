package io.tzurot.core.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders memory facts as the {@code <known_facts>} section, and picks those that fit its share of the context
 * window (at most {@link #SHARE} of it, in the order given; a fact that does not fit is skipped, a later shorter one
 * may still fit). The section sits among the fixed sections, so the memory and history budgets count it.
 */
public final class KnownFacts {

    /** The most of the context window the facts may take. */
    static final double SHARE = 0.05;

    private static final String OPEN = "<known_facts about=\"the user\">\n<instruction>"
            + "Lasting facts about the user you are talking with, learnt from earlier conversations. Treat them as"
            + " background you already know; the current conversation wins if it says otherwise.</instruction>\n";
    private static final String CLOSE = "</known_facts>";

    private KnownFacts() {
    }

    /** A fact used in the prompt and the tokens its line took. */
    public record Used(FactNote fact, int tokens) {
    }

    /** The facts that fit, the rendered section (empty when none fit) and its tokens. */
    record Pick(List<Used> used, String section, int tokens, int dropped) {
        static final Pick NONE = new Pick(List.of(), "", 0, 0);
    }

    /** One {@code <fact>} line, escaped, newline included. */
    static String line(FactNote fact) {
        return "<fact>" + Xml.text(fact.content().strip()) + "</fact>\n";
    }

    static Pick pick(List<FactNote> facts, int contextWindow, TokenCounter tokens) {
        if (facts.isEmpty()) {
            return Pick.NONE;
        }
        long budget = (long) Math.floor(SHARE * contextWindow);
        long used = tokens.count(OPEN + CLOSE);
        List<Used> kept = new ArrayList<>();
        StringBuilder section = new StringBuilder(OPEN);
        for (FactNote fact : facts) {
            String line = line(fact);
            int cost = tokens.count(line);
            if (used + cost <= budget) {
                used += cost;
                kept.add(new Used(fact, cost));
                section.append(line);
            }
        }
        if (kept.isEmpty()) {
            return new Pick(List.of(), "", 0, facts.size());
        }
        return new Pick(List.copyOf(kept), section.append(CLOSE).toString(), (int) used, facts.size() - kept.size());
    }
}
