package io.tzurot.core.lorebook.activation;

import java.util.List;
import java.util.Objects;

/**
 * The result of one scan.
 *
 * @param fired       the entries to insert, in prompt order (lower insertion order first)
 * @param budget      the lore token budget of this prompt
 * @param tokensUsed  tokens the fired entries take
 * @param overflowed  true when an entry did not fit the budget (it and those after it were left out)
 * @param passes      scan passes made (1 without recursion)
 * @param timing      the channel's timed-effect state after this turn
 */
public record LoreActivation(List<FiredEntry> fired, int budget, int tokensUsed, boolean overflowed, int passes,
                             LoreTiming timing) {

    public LoreActivation {
        fired = List.copyOf(Objects.requireNonNull(fired, "fired"));
        Objects.requireNonNull(timing, "timing");
    }

    /** Nothing fired and no state: a character without lorebooks, or a scan that could not run. */
    public static LoreActivation none() {
        return new LoreActivation(List.of(), 0, 0, false, 0, LoreTiming.START);
    }

    /** The fired entries at {@code position}, in prompt order. */
    public List<FiredEntry> at(LorePosition position) {
        return fired.stream().filter(f -> f.position() == position).toList();
    }
}
