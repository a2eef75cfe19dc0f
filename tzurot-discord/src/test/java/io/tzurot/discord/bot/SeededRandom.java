package io.tzurot.discord.bot;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A random source a test can start over from a seed, so a scene's random choices repeat from a known point. */
final class SeededRandom implements RandomGenerator {

    private SplittableRandom random;

    SeededRandom(long seed) {
        reseed(seed);
    }

    /** Starts the sequence over from {@code seed}. */
    synchronized void reseed(long seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    public synchronized long nextLong() {
        return random.nextLong();
    }
}
