package io.tzurot.storage.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tzurot.core.card.CardFileException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the PNG, CHARX and JSON readers (Jazzer's JUnit integration needs its agent and
 * network access to resolve, so this is a plain seeded loop that runs inside mvn verify): every mutated file is
 * either read or refused with {@link CardFileException}; nothing else escapes, and the heap stays bounded.
 */
class CardReaderFuzzTest {

    private static final int ROUNDS = 1500;
    private final FileCardCodec codec = new FileCardCodec();

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        switch (r.nextInt(6)) {
            case 0 -> { // flip a few bytes
                for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                }
            }
            case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length)); // truncate
            case 2 -> { // overwrite a 4-byte big-endian field with an extreme value (lengths, sizes)
                int at = r.nextInt(Math.max(1, b.length - 4));
                int v = switch (r.nextInt(4)) {
                    case 0 -> Integer.MAX_VALUE;
                    case 1 -> -1;
                    case 2 -> 0;
                    default -> r.nextInt();
                };
                for (int i = 0; i < 4 && at + i < b.length; i++) {
                    b[at + i] = (byte) (v >>> (24 - 8 * i));
                }
            }
            case 3 -> { // duplicate a slice (repeated chunks, repeated zip entries, repeated keys)
                int from = r.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + r.nextInt(200));
                int at = r.nextInt(b.length);
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, from, out, at, len);
                System.arraycopy(b, at, out, at + len, b.length - at);
                b = out;
            }
            case 4 -> { // replace a slice with random bytes
                int at = r.nextInt(b.length);
                for (int i = at; i < Math.min(b.length, at + 1 + r.nextInt(64)); i++) {
                    b[i] = (byte) r.nextInt(256);
                }
            }
            default -> { // swap JSON-ish punctuation: strings become arrays and the reverse
                String s = new String(b, StandardCharsets.ISO_8859_1);
                s = r.nextBoolean() ? s.replaceFirst("\"\\[", "\"").replaceFirst(":\\s*\"", ": [\"")
                        : s.replaceFirst("\\[", "\"").replaceFirst("\\{", "[");
                b = s.getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        return b;
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private void fuzz(String label, List<byte[]> seeds, long seed, Consumer<byte[]> reader) {
        Random r = new Random(seed);
        int read = 0;
        int refused = 0;
        long peak = 0;
        for (int i = 0; i < ROUNDS; i++) {
            byte[] input = mutate(seeds.get(r.nextInt(seeds.size())), r);
            if (r.nextInt(4) == 0) {
                input = mutate(input.length == 0 ? seeds.get(0) : input, r);
            }
            try {
                reader.accept(input);
                read++;
            } catch (CardFileException expected) {
                assertThat(expected.getMessage()).as("a refusal names the problem").isNotBlank();
                refused++;
            } catch (RuntimeException | Error e) {
                fail(label + " round " + i + " (seed " + seed + ") escaped as " + e, e);
            }
            if (i % 100 == 0) {
                peak = Math.max(peak, heapUsed());
            }
        }
        assertThat(read + refused).isEqualTo(ROUNDS);
        assertThat(refused).as(label + ": mutations should mostly be refused").isGreaterThan(ROUNDS / 10);
        // the readers' limits keep any one file's working set to tens of MB; the test JVM has -Xmx1g
        assertThat(peak).as(label + " peak heap").isLessThan(700L * 1024 * 1024);
    }

    @Test
    void pngReader() {
        fuzz("png", List.of(Cards.png("chara", Cards.v2("Fuzz", "d", 3)), Cards.png("ccv3", Cards.v3("F", "d", 0))),
                0xC0FFEEL, b -> codec.readCharacter("f.png", b));
    }

    @Test
    void charxReader() {
        fuzz("charx", List.of(Cards.charx(Cards.v3("Zip", "d", 2))), 0xBADC0DEL, b -> codec.readCharacter("f.charx", b));
    }

    @Test
    void jsonReaders() {
        List<byte[]> seeds = List.of(Cards.json(Cards.v1("A", "b")), Cards.json(Cards.v2("B", "c", 2)),
                Cards.json(Cards.v3("C", "d", 1)));
        fuzz("card json", seeds, 42L, b -> codec.readCharacter("f.json", b));
        fuzz("lorebook json", List.of(Json.pretty(Cards.book(3)),
                codec.writeLorebook(codec.readLorebook("b", Json.pretty(Cards.book(3))), io.tzurot.core.card.LorebookFormat.WORLD_INFO)),
                7L, b -> codec.readLorebook("f.json", b));
    }
}
