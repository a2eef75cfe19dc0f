package io.tzurot.core.lorebook.activation;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The timed-effect state of one channel: how many turns have been scanned there, and per entry until which turn it
 * stays active (sticky) and until which turn it is blocked (cooldown).
 *
 * @param turn    the number of turns scanned before; the next scan is turn {@code turn}
 * @param effects per entry key, its sticky and cooldown
 */
public record LoreTiming(long turn, Map<String, Effect> effects) {

    /** A channel nothing was scanned in yet. */
    public static final LoreTiming START = new LoreTiming(0, Map.of());

    public LoreTiming {
        if (turn < 0) {
            throw new IllegalArgumentException("turn must be >= 0, was " + turn);
        }
        effects = Map.copyOf(Objects.requireNonNull(effects, "effects"));
    }

    /**
     * One entry's timed effects, as inclusive last turns (-1 = none).
     *
     * @param contentHash the entry's hash when the effect began; an edited entry starts afresh
     */
    public record Effect(long stickyThrough, long cooldownThrough, int contentHash) {

        boolean stickyAt(long turn) {
            return turn <= stickyThrough;
        }

        boolean coolingAt(long turn) {
            return !stickyAt(turn) && turn <= cooldownThrough;
        }
    }

    /** The effect of {@code key} still valid for an entry hashing to {@code hash}, or null. */
    Effect effect(String key, int hash) {
        Effect effect = effects.get(key);
        return effect != null && effect.contentHash() == hash ? effect : null;
    }

    /** The state after this turn: new effects added, spent ones dropped, the turn counter advanced. */
    LoreTiming next(Map<String, Effect> started) {
        long nextTurn = turn + 1;
        Map<String, Effect> out = new HashMap<>();
        effects.forEach((key, effect) -> keepIfLive(out, key, effect, nextTurn));
        started.forEach((key, effect) -> keepIfLive(out, key, effect, nextTurn));
        return new LoreTiming(nextTurn, out);
    }

    private static void keepIfLive(Map<String, Effect> out, String key, Effect effect, long turn) {
        if (effect.stickyThrough() >= turn || effect.cooldownThrough() >= turn) {
            out.put(key, effect);
        } else {
            out.remove(key);
        }
    }
}
