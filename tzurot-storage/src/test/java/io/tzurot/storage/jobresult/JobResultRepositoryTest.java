package io.tzurot.storage.jobresult;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.jobresult.JobResult;
import io.tzurot.core.jobresult.JobResultRepository;
import io.tzurot.core.jobresult.JobResultStatus;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JobResultRepositoryTest {

    abstract static class Contract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-09-01T00:00:00Z");

        JobResultRepository repo;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            repo = new JdbiJobResultRepository(database());
        }

        @Test
        void firstResultWinsAndDeliveryIsConfirmedOnce() {
            JobResult r = JobResult.completed("llm-1", "req-1", "{\"content\": \"hi\"}", T0);
            assertThat(repo.save(r)).isTrue();
            assertThat(repo.save(JobResult.completed("llm-1", "req-1", "{\"content\": \"other\"}", T0))).isFalse();
            assertThat(repo.find("llm-1")).contains(r);

            assertThat(repo.confirmDelivery("llm-1", T0.plusSeconds(2))).isTrue();
            assertThat(repo.confirmDelivery("llm-1", T0.plusSeconds(3))).isFalse();
            JobResult delivered = repo.find("llm-1").orElseThrow();
            assertThat(delivered.status()).isEqualTo(JobResultStatus.DELIVERED);
            assertThat(delivered.deliveredAt()).isEqualTo(T0.plusSeconds(2));
            assertThat(repo.confirmDelivery("unknown", T0)).isFalse();
        }

        @Test
        void listsUndeliveredOldestFirstAndCleansUpDelivered() {
            Instant old = Instant.parse("2020-01-01T00:00:00Z");
            repo.save(JobResult.completed("old-b", "r", "{}", old.plusSeconds(1)));
            repo.save(JobResult.completed("old-a", "r", "{}", old));
            repo.save(JobResult.completed("old-c", "r", "{}", old.plusSeconds(2)));
            repo.confirmDelivery("old-c", old.plusSeconds(5));

            assertThat(repo.pendingDelivery(old.plusSeconds(10), 10)).extracting(JobResult::jobId)
                    .containsExactly("old-a", "old-b");
            assertThat(repo.deleteDeliveredBefore(old.plusSeconds(5))).isZero();
            assertThat(repo.deleteDeliveredBefore(old.plusSeconds(6))).isEqualTo(1);
            assertThat(repo.find("old-c")).isEmpty();
            assertThat(repo.find("old-a")).isPresent();
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
