package io.tzurot.testkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of hostile input for bounded fuzz loops: strings with control characters, surrogates, markup,
 * quotes, very long runs and lookalikes, and byte mutations of a valid sample (bit flips, cuts, splices, repeats).
 * The same seed gives the same inputs, so a failure names its seed and iteration and can be replayed.
 */
public final class Hostile {

    /** Fixed fragments that often break parsers. */
    private static final List<String> FRAGMENTS = List.of("", " ", "\u0000", "\n", "\r\n", "\t", "\"", "'", "\\", "{", "}",
            "[", "]", ":", ",", "<@123456789012345678>", "<@!1>", "<#1>", "@", "@@", "@everyone", "```", "${x}", "%s", "%00",
            "\uD800", "\uDFFF", "\uFEFF", "\u202E", "\u200B", "é", "👩‍👩‍👧", "ＡＢＣ", "null", "true", "-1", "0", "1e309",
            "99999999999999999999", "NaN", "../../etc/passwd", "<script>", "&amp;", "--", ";", "\\u0000", "://", "@host:",
            "redis://", "postgresql://u:p@h/d", "http://", "ws://");

    private final Random random;

    public Hostile(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** A string of up to {@code maxLength} characters (longer ones rarely, when {@code maxLength} allows). */
    public String string(int maxLength) {
        int length = random.nextInt(10) == 0 ? random.nextInt(maxLength + 1) : random.nextInt(Math.min(maxLength, 40) + 1);
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            switch (random.nextInt(6)) {
                case 0 -> b.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                case 1 -> b.append((char) random.nextInt(0x20));
                case 2 -> b.append((char) (0x20 + random.nextInt(0x5F)));
                case 3 -> b.appendCodePoint(random.nextInt(0x10FFFF + 1));
                case 4 -> b.append(String.valueOf((char) ('a' + random.nextInt(26))).repeat(1 + random.nextInt(20)));
                default -> b.append(random.nextInt());
            }
        }
        return b.length() > maxLength ? b.substring(0, maxLength) : b.toString();
    }

    /** One of {@code samples}, often mutated as text. */
    public String mutate(List<String> samples) {
        String base = samples.get(random.nextInt(samples.size()));
        return new String(mutate(base.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** {@code valid} with 0-4 random mutations: bit flips, byte changes, cuts, insertions of hostile text, repeats. */
    public byte[] mutate(byte[] valid) {
        byte[] b = valid.clone();
        int mutations = random.nextInt(5);
        for (int m = 0; m < mutations; m++) {
            int at = b.length == 0 ? 0 : random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[at] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> {
                    if (b.length > 0) {
                        b[at] = (byte) random.nextInt(256);
                    }
                }
                case 2 -> b = java.util.Arrays.copyOf(b, at); // cut short
                case 3 -> b = splice(b, at, string(30).getBytes(StandardCharsets.UTF_8));
                default -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(16));
                    byte[] piece = java.util.Arrays.copyOfRange(b, at, at + Math.max(0, len));
                    b = splice(b, at, piece);
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, byte[] insert) {
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }
}
