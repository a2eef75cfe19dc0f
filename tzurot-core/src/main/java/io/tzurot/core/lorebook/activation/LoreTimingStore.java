package io.tzurot.core.lorebook.activation;

/** Port: the timed-effect state of each scope (a channel with a character). */
public interface LoreTimingStore {

    /** The scope's state; {@link LoreTiming#START} when nothing is stored. */
    LoreTiming load(String scope);

    /** Replaces the scope's state. */
    void save(String scope, LoreTiming timing);
}
