package io.tzurot.storage.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.usage.UsageLog;
import io.tzurot.core.usage.UsageLogRepository;
import io.tzurot.core.usage.UsageTotals;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.memory.TestRows;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UsageLogRepositoryTest {

    abstract static class Contract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");

        UsageLogRepository repo;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            repo = new JdbiUsageLogRepository(database());
        }

        @Test
        void recordIsIdempotentAndTotalsSumThePeriod() {
            UUID user = TestRows.owner(database(), "uma", "Uma", null).userId();
            UsageLog a = UsageLog.create(user, "openrouter", "model/a", 100, 10, "llm_generation", T0);
            assertThat(repo.record(a)).isTrue();
            assertThat(repo.record(a)).isFalse();
            repo.record(UsageLog.create(user, "openrouter", "model/b", 2_000_000_000, 5, "llm_generation", T0.plusSeconds(1)));
            repo.record(UsageLog.create(user, "openrouter", "model/a", 50, 20, "llm_generation", T0.plusSeconds(2)));
            repo.record(UsageLog.create(user, "openrouter", "model/a", 1, 1, "llm_generation", T0.plusSeconds(3600)));

            UsageTotals totals = repo.totals(user, T0, T0.plusSeconds(60));
            assertThat(totals).isEqualTo(new UsageTotals(null, 3, 2_000_000_150L, 35));
            assertThat(repo.byModel(user, T0, T0.plusSeconds(60))).containsExactly(
                    new UsageTotals("model/b", 1, 2_000_000_000L, 5), new UsageTotals("model/a", 2, 150, 30));
            assertThat(repo.totals(UUID.randomUUID(), T0, T0.plusSeconds(60))).isEqualTo(new UsageTotals(null, 0, 0, 0));
            assertThatThrownBy(() -> repo.totals(user, T0, T0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

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
}
