package io.tzurot.app.fleet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** The reference workload's messages: 14 random English words each, never the same message twice. */
final class WorkloadMessages {

    static final int WORDS = 14;

    private final List<String> words;
    private final SplittableRandom random;
    private final Set<String> sent = new HashSet<>();

    WorkloadMessages(long seed) throws IOException {
        try (InputStream in = WorkloadMessages.class.getResourceAsStream("/bench/english-words.txt")) {
            if (in == null) {
                throw new IOException("bench/english-words.txt is not on the classpath");
            }
            words = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
        random = new SplittableRandom(seed);
    }

    /** The next unique message; thread-safe. */
    synchronized String next() {
        while (true) {
            StringBuilder b = new StringBuilder(WORDS * 8);
            for (int i = 0; i < WORDS; i++) {
                if (i > 0) {
                    b.append(' ');
                }
                b.append(words.get(random.nextInt(words.size())));
            }
            String message = b.toString();
            if (sent.add(message)) {
                return message;
            }
        }
    }
}
