package io.tzurot.storage.lorebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.lorebook.activation.LoreTiming;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.testkit.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoreTimingStoreTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }

    abstract static class Contract extends DatabaseContract {

        Contract(Dialect dialect) {
            super(dialect);
        }

        private JdbiLoreTimingStore store() {
            return new JdbiLoreTimingStore(database().jdbi(), new MutableClock(java.time.Instant.parse("2026-12-06T12:00:00Z")));
        }

        @Test
        void anUnknownScopeStartsAfresh() {
            assertThat(store().load("c/none")).isEqualTo(LoreTiming.START);
        }

        @Test
        void stateIsReplacedAndReadBackPerScope() {
            JdbiLoreTimingStore store = store();
            LoreTiming first = new LoreTiming(3, Map.of("book/1", new LoreTiming.Effect(5, 7, 42),
                    "book/#2", new LoreTiming.Effect(-1, 4, -9)));
            store.save("c1/p", first);
            store.save("c2/p", new LoreTiming(1, Map.of()));
            assertThat(store.load("c1/p")).isEqualTo(first);
            LoreTiming second = new LoreTiming(4, Map.of("book/1", new LoreTiming.Effect(5, 7, 42)));
            store.save("c1/p", second);
            assertThat(store.load("c1/p")).isEqualTo(second);
            assertThat(store.load("c2/p").turn()).isEqualTo(1);
        }
    }
}
