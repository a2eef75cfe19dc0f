package io.tzurot.storage.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tzurot.core.usage.UsageGroup;
import io.tzurot.core.usage.UsageLog;
import io.tzurot.core.usage.UsageSummary;
import io.tzurot.core.usage.UsageLogRepository;
import io.tzurot.core.usage.UsageTotals;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.memory.TestRows;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UsageLogRepositoryTest {

    abstract static class Contract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");
        private static final Instant T1 = Instant.parse("2027-01-01T00:00:00Z");
        private static final Instant T2 = Instant.parse("2027-02-01T00:00:00Z");
        /** Before every other test's rows, so deleting before it touches only its own test's rows. */
        private static final Instant T3 = Instant.parse("2020-03-01T00:00:00Z");

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

        @Test
        void replyRowsKeepCharacterGuestAndLatency() {
            UUID user = TestRows.owner(database(), "rhea", "Rhea", null).userId();
            UUID character = TestRows.personality(database(), user, "Echo", null);
            UsageLog log = UsageLog.forReply("req-fields", user, character, "openrouter", "model/x", 12, 34, true, 56,
                    T1);
            assertThat(repo.record(log)).isTrue();
            assertThat(repo.record(log)).isFalse();
            Map<String, Object> row = database().jdbi().withHandle(h -> h.createQuery("SELECT personality_id, guest, "
                    + "latency_ms, request_type, tokens_in, tokens_out FROM usage_logs WHERE id = :id")
                    .bind("id", log.id()).mapToMap().one());
            assertThat(row.get("personality_id")).isEqualTo(character);
            assertThat(row.get("guest")).isEqualTo(true);
            assertThat(((Number) row.get("latency_ms")).intValue()).isEqualTo(56);
            assertThat(row.get("request_type")).isEqualTo(UsageLog.REPLY);
        }

        @Test
        void summaryGroupsEveryUserByUserCharacterAndModel() {
            Instant from = T2;
            TestRows.Owner ann = TestRows.owner(database(), "ann", "Ann", null);
            TestRows.Owner bob = TestRows.owner(database(), "bob", "Bob", null);
            UUID echo = TestRows.personality(database(), ann.userId(), "Echo", null);
            UUID lyra = TestRows.personality(database(), ann.userId(), "Lyra", null);
            repo.record(UsageLog.forReply("s1", ann.userId(), echo, "openrouter", "model/a", 100, 10, false, 5, from));
            repo.record(UsageLog.forReply("s2", ann.userId(), lyra, "openrouter", "model/b", 10, 1, true, 5,
                    from.plusSeconds(1)));
            repo.record(UsageLog.forReply("s3", bob.userId(), echo, "openrouter", "model/a", 1000, 100, true, 5,
                    from.plusSeconds(2)));
            repo.record(UsageLog.create(bob.userId(), "openrouter", "model/b", 1, 1, "other", from.plusSeconds(3)));
            // outside the period: before it and at its (exclusive) end
            repo.record(UsageLog.forReply("s5", bob.userId(), echo, "openrouter", "model/a", 7, 7, true, 5,
                    from.minusSeconds(1)));
            repo.record(UsageLog.forReply("s6", bob.userId(), echo, "openrouter", "model/a", 7, 7, true, 5,
                    from.plusSeconds(60)));

            UsageSummary summary = repo.summary(from, from.plusSeconds(60), 10);
            assertThat(summary.total()).isEqualTo(new UsageTotals(null, 4, 1111, 112));
            assertThat(summary.guestRequests()).isEqualTo(2);
            assertThat(summary.byUser()).extracting(UsageGroup::key, UsageGroup::requests, UsageGroup::tokens)
                    .containsExactly(tuple(bob.userId().toString(), 2L, 1102L), tuple(ann.userId().toString(), 2L, 121L));
            assertThat(summary.byPersonality()).extracting(UsageGroup::key, UsageGroup::requests, UsageGroup::tokensIn)
                    .containsExactly(tuple(echo.toString(), 2L, 1100L), tuple(lyra.toString(), 1L, 10L),
                            tuple("", 1L, 1L));
            assertThat(summary.byPersonality().get(2).name()).isEqualTo("(none)");
            assertThat(summary.byPersonality().get(0).name()).startsWith("p-");
            assertThat(summary.byModel()).extracting(UsageGroup::name, UsageGroup::requests)
                    .containsExactly(tuple("model/a", 2L), tuple("model/b", 2L));
            assertThat(repo.summary(from, from.plusSeconds(60), 1).byUser()).hasSize(1);
            assertThat(repo.summary(from.minusSeconds(7200), from.minusSeconds(3600), 5).total())
                    .isEqualTo(new UsageTotals(null, 0, 0, 0));
            assertThatThrownBy(() -> repo.summary(from, from, 5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> repo.summary(from, from.plusSeconds(1), 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void deleteOlderThanRemovesOnlyOlderRows() {
            UUID user = TestRows.owner(database(), "del", "Del", null).userId();
            Instant cutoff = T3;
            repo.record(UsageLog.create(user, "openrouter", "model/a", 1, 1, "reply", cutoff.minusMillis(1)));
            repo.record(UsageLog.create(user, "openrouter", "model/a", 1, 1, "reply", cutoff.minusSeconds(99)));
            repo.record(UsageLog.create(user, "openrouter", "model/a", 1, 1, "reply", cutoff));
            assertThat(repo.deleteOlderThan(cutoff)).isEqualTo(2);
            assertThat(repo.deleteOlderThan(cutoff)).isZero();
            assertThat(repo.totals(user, cutoff.minusSeconds(1000), cutoff.plusSeconds(1)).requests()).isEqualTo(1);
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
