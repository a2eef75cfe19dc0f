package io.tzurot.core.reply;

import java.util.concurrent.ThreadLocalRandom;

/** Short ids a user can quote so an operator finds the diagnostic record: base-36 time plus 3 random chars. */
final class ReferenceIds {

    private ReferenceIds() {
    }

    static String next() {
        String time = Long.toString(System.currentTimeMillis(), 36);
        StringBuilder b = new StringBuilder(time);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 3; i++) {
            b.append(Character.forDigit(random.nextInt(36), 36));
        }
        return b.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
