package io.tzurot.testkit.model;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reply texts for benchmarks that differ in words and meaning from one call to the next, so the engine's
 * duplicate detection (exact, lexical and semantic) never sends a benchmark reply back for a retry: a real model
 * does not repeat itself verbatim, and a fixed reply would measure the retry path instead of the reply path.
 */
public final class VariedReplies {

    private static final String[] SUBJECTS = {"The lighthouse keeper", "A retired astronaut", "My neighbour's cat",
        "The village baker", "An old sea captain", "The chess club", "A travelling violinist", "The museum guard",
        "Our geology teacher", "A street magician", "The night train", "A beekeeper from Ohio"};
    private static final String[] ACTIONS = {"painted the fence blue", "found a fossil in the creek",
        "argued about tax law", "planted forty tulips", "repaired a broken clock", "sang opera in the rain",
        "counted migrating geese", "baked sourdough at midnight", "lost the map to the glacier",
        "wrote a sonnet about volcanoes", "adopted a three-legged dog", "solved the crossword in ink"};
    private static final String[] TIMES = {"last Tuesday", "during the eclipse", "before the harvest festival",
        "after the power outage", "every winter", "while the kettle boiled", "on the first snowy morning",
        "at the end of the marathon"};

    private final AtomicLong counter = new AtomicLong();

    /** The next reply text; thread-safe and deterministic for a given call order. */
    public String next() {
        long n = counter.getAndIncrement();
        SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L + 17);
        return SUBJECTS[random.nextInt(SUBJECTS.length)] + " " + ACTIONS[random.nextInt(ACTIONS.length)] + " "
                + TIMES[random.nextInt(TIMES.length)] + ", and " + SUBJECTS[random.nextInt(SUBJECTS.length)]
                .toLowerCase(java.util.Locale.ROOT) + " " + ACTIONS[random.nextInt(ACTIONS.length)] + " (" + n + ").";
    }
}
