package io.tzurot.storage.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.diagnostics.DiagnosticLog;
import io.tzurot.core.retention.RetentionSweeps;
import io.tzurot.core.retention.Sweep;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.diagnostics.JdbiDiagnosticLogRepository;
import io.tzurot.storage.memory.TestRows;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The built-in retention sweeps delete exactly what has outlived its keep, with an injected clock. */
class RetentionSweepsTest {

    abstract static class Contract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-06-10T00:00:00Z");
        private JdbiConversationHistoryRepository history;
        private JdbiDiagnosticLogRepository diagnostics;
        private TestRows.Owner owner;
        private UUID personality;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            history = new JdbiConversationHistoryRepository(database());
            diagnostics = new JdbiDiagnosticLogRepository(database());
            owner = TestRows.owner(database(), "rita", "Rita", null);
            personality = TestRows.personality(database(), owner.userId(), "Keeper", null);
        }

        @Test
        void eachSweepDeletesWhatOutlivedItsKeepAndNothingElse() {
            Instant now = clock.instant();
            List<HistoryMessage> old = List.of(message("old 1", now.minus(Duration.ofDays(40))),
                    message("old 2", now.minus(Duration.ofDays(35))), message("old 3", now.minus(Duration.ofDays(31))));
            List<HistoryMessage> recent = List.of(message("recent 1", now.minus(Duration.ofDays(1))),
                    message("recent 2", now.minus(Duration.ofHours(1))));
            diagnostics.save(log("stale-1", now.minus(Duration.ofHours(25))));
            diagnostics.save(log("stale-2", now.minus(Duration.ofHours(48))));
            diagnostics.save(log("fresh", now.minus(Duration.ofHours(23))));
            List<Sweep> sweeps = RetentionSweeps.standard(history, diagnostics, Optional.of(Duration.ofDays(30)));

            assertThat(run(sweeps)).containsExactly(Map.entry("diagnostics", 2L), Map.entry("history", 3L),
                    Map.entry("tombstones", 0L));
            assertThat(old).allSatisfy(m -> {
                assertThat(history.find(m.id())).isEmpty();
                assertThat(history.isTombstoned(m.id())).isTrue();
            });
            assertThat(recent).allSatisfy(m -> assertThat(history.find(m.id())).isPresent());
            assertThat(diagnostics.findByRequestId("fresh")).isPresent();
            assertThat(diagnostics.findByRequestId("stale-1")).isEmpty();

            // a month on: the recent rows are past the cap, and the first tombstones past their keep
            clock.advance(RetentionSweeps.TOMBSTONE_KEEP.plusSeconds(1));
            assertThat(run(sweeps)).containsExactly(Map.entry("diagnostics", 1L), Map.entry("history", 2L),
                    Map.entry("tombstones", 3L));
            assertThat(old).allSatisfy(m -> assertThat(history.isTombstoned(m.id())).isFalse());
            assertThat(recent).allSatisfy(m -> assertThat(history.isTombstoned(m.id())).isTrue());
            assertThat(run(sweeps).values()).containsOnly(0L);
        }

        @Test
        void withoutAHardCapHistoryIsNeverSwept() {
            HistoryMessage ancient = message("ancient", Instant.parse("2001-01-01T00:00:00Z"));

            try {
                Map<String, Long> counts = run(RetentionSweeps.standard(history, diagnostics, Optional.empty()));

                assertThat(counts).containsOnlyKeys("diagnostics", "tombstones");
                assertThat(history.find(ancient.id())).isPresent();
            } finally {
                // gone again, tombstone and all, so the other test's counts hold whatever the order
                Instant then = Instant.parse("2002-01-01T00:00:00Z");
                history.purgeOlderThan(then, 10, then);
                history.purgeTombstonesOlderThan(then.plusSeconds(1));
            }
        }

        private Map<String, Long> run(List<Sweep> sweeps) {
            Map<String, Long> counts = new LinkedHashMap<>();
            sweeps.forEach(s -> counts.put(s.name(), s.run().applyAsLong(clock.instant())));
            return counts;
        }

        private HistoryMessage message(String text, Instant at) {
            HistoryMessage m = HistoryMessage.create("800000000000000001", "400000000000000001", personality,
                    owner.personaId(), HistoryRole.USER, text, 3, List.of(), "{}", at);
            assertThat(history.append(m)).isTrue();
            return m;
        }

        private static DiagnosticLog log(String requestId, Instant at) {
            return new DiagnosticLog(UUID.randomUUID(), requestId, null, List.of(), UUID.randomUUID(),
                    "500000000000000001", null, "600000000000000001", "test/model", "openrouter", 10, "{}", at);
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
