package io.tzurot.app.bench;

import io.tzurot.ai.token.TiktokenCounter;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.lorebook.activation.LoreActivation;
import io.tzurot.core.lorebook.activation.LoreBook;
import io.tzurot.core.lorebook.activation.LoreMessage;
import io.tzurot.core.lorebook.activation.LoreScanRequest;
import io.tzurot.core.lorebook.activation.LoreSettings;
import io.tzurot.core.lorebook.activation.LoreTiming;
import io.tzurot.core.lorebook.activation.LorebookScanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Benchmark (not a test): one lorebook scan of 1,000 entries over 50 history messages, as a reply makes it. The
 * book mixes what real books hold: 2-3 plain keys per entry (1 in 50 a common word, the rest names), 1 in 20 a
 * regex key, 1 in 5 with secondary keys, a few constant, sticky, grouped and probabilistic entries; 1 word in 200
 * of the chat and of entry content is a name some entry keys on; scan depth 50, recursion on, the real tokenizer for the
 * budget. Each scan sees a different newest message and carries the timed-effect state to the next. Prints p50,
 * p99 and max per scan and the entries fired, then one RESULT line.
 * Usage: {@code bench/lore-scan.sh [scans, default 5000] [warm-up, default 2000]}.
 */
public final class LoreScanBenchmark {

    private static final String[] WORDS = ("the a of and to in is was he she it they said harbor lantern tower road"
            + " river market guard king queen night rain stone ship map key door window shadow fire bread wine song"
            + " letter bridge garden moon star wolf crow bell clock coin sword candle mirror glass thread needle").split(" ");

    private LoreScanBenchmark() {
    }

    public static void main(String[] args) {
        int scans = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Random random = new Random(7);
        List<LorebookEntry> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(entry(i, random));
        }
        LoreBook book = new LoreBook("bench", new LorebookContent("Bench", null, null, null, null, null, null, entries));
        List<LoreMessage> history = new ArrayList<>();
        for (int i = 0; i < 49; i++) {
            history.add(new LoreMessage(i % 2 == 0 ? "Ari" : "Mira", sentence(random, 40, i)));
        }
        List<String> newest = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            newest.add(sentence(random, 25, 1000 + i));
        }
        LorebookScanner scanner = new LorebookScanner(new TiktokenCounter(), new Random(11)::nextDouble);
        LoreSettings settings = LoreSettings.DEFAULTS.withScanDepth(50);
        LoreTiming timing = LoreTiming.START;
        long[] nanos = new long[scans];
        long fired = 0;
        for (int i = 0; i < warmUp + scans; i++) {
            List<LoreMessage> messages = new ArrayList<>(history);
            messages.add(new LoreMessage("Ari", newest.get(i % newest.size())));
            LoreScanRequest request = new LoreScanRequest(List.of(book), messages, 131_072, settings);
            long start = System.nanoTime();
            LoreActivation activation = scanner.scan(request, timing);
            long took = System.nanoTime() - start;
            timing = activation.timing();
            if (i >= warmUp) {
                nanos[i - warmUp] = took;
                fired += activation.fired().size();
            }
        }
        Arrays.sort(nanos);
        double p50 = nanos[scans / 2] / 1e6;
        double p99 = nanos[(int) Math.min(scans - 1, Math.ceil(scans * 0.99) - 1)] / 1e6;
        double max = nanos[scans - 1] / 1e6;
        System.out.printf("1,000 entries, 50 messages, %d scans after %d warm-up: p50 %.3f ms, p99 %.3f ms, max %.3f ms;"
                + " %.1f entries fired per scan%n", scans, warmUp, p50, p99, max, fired / (double) scans);
        System.out.printf("RESULT lore-scan p50_ms=%.3f p99_ms=%.3f max_ms=%.3f fired=%.1f%n", p50, p99, max,
                fired / (double) scans);
    }

    private static LorebookEntry entry(int i, Random random) {
        List<String> keys = new ArrayList<>();
        // most keys are rare made-up names (as in real books), some are common words
        keys.add(random.nextInt(50) == 0 ? WORDS[random.nextInt(WORDS.length)] : "name" + i);
        keys.add("place" + random.nextInt(2000));
        if (random.nextBoolean()) {
            keys.add(i % 20 == 0 ? "/ite?m" + i + "\\b/i" : "thing" + random.nextInt(3000));
        }
        List<String> secondary = i % 5 == 0 ? List.of(WORDS[random.nextInt(WORDS.length)], "other" + i) : List.of();
        String content = sentence(random, 45, i);
        return new LorebookEntry(String.valueOf(i), false, keys, secondary, content, "entry " + i, null,
                new LorebookEntry.Matching(null, i % 250 == 0, null, i % 4, null, null, null, null,
                        i % 13 == 0 ? 50 : null, null, null),
                new LorebookEntry.Placement(random.nextInt(300), null, null, i % 7 == 0 ? 4 : i % 2, 4, 0, null),
                new LorebookEntry.Timing(i % 11 == 0 ? 3 : null, i % 17 == 0 ? 2 : null, null),
                new LorebookEntry.Grouping(i % 9 == 0 ? "g" + (i % 5) : null, null, null, null),
                null, null, null, null, null);
    }

    /** Words of the vocabulary, with now and then a name, place or thing that some entry keys on. */
    private static String sentence(Random random, int words, int seed) {
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int roll = random.nextInt(200);
            String word = roll == 0 ? "name" + random.nextInt(1000) : roll == 1 ? "place" + random.nextInt(2000)
                    : roll == 2 ? "thing" + random.nextInt(3000) : WORDS[random.nextInt(WORDS.length)];
            out.append(w == 0 ? "" : " ").append(word);
        }
        return out.append(seed % 3 == 0 ? "." : "!").toString();
    }
}
