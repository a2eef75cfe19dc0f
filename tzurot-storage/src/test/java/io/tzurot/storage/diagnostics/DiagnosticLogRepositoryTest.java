package io.tzurot.storage.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.diagnostics.DiagnosticLog;
import io.tzurot.core.diagnostics.DiagnosticLogRepository;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DiagnosticLogRepositoryTest {

    abstract static class Contract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

        DiagnosticLogRepository repo;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            repo = new JdbiDiagnosticLogRepository(database());
        }

        private static DiagnosticLog log(String requestId, String trigger, String data, Instant at) {
            return new DiagnosticLog(UUID.randomUUID(), requestId, trigger, List.of(), UUID.randomUUID(),
                    "500000000000000001", null, "600000000000000001", "anthropic/claude-haiku-4.5", "anthropic", 1234,
                    data, at);
        }

        @Test
        void savesFindsAndReplacesByRequestId() {
            DiagnosticLog first = log("req-1", "700000000000000001", "{\"stage\": 1}", T0);
            repo.save(first);
            DiagnosticLog stored = repo.findByRequestId("req-1").orElseThrow();
            assertThat(stored).isEqualTo(first);

            repo.save(log("req-1", "700000000000000001", "{\"stage\": 2}", T0.plusSeconds(1)));
            DiagnosticLog replaced = repo.findByRequestId("req-1").orElseThrow();
            assertThat(replaced.id()).isEqualTo(first.id());
            assertThat(replaced.dataJson()).contains("2");
            assertThat(repo.findByTriggerMessageId("700000000000000001")).hasSize(1);
            assertThat(repo.findByRequestId("missing")).isEmpty();
        }

        @Test
        void findsByResponseMessageIdOnceAttached() {
            repo.save(log("req-2", "700000000000000002", "{}", T0));
            assertThat(repo.findByResponseMessageId("800000000000000002")).isEmpty();
            assertThat(repo.setResponseMessageIds("req-2", List.of("800000000000000001", "800000000000000002"))).isTrue();
            assertThat(repo.findByResponseMessageId("800000000000000002")).get()
                    .extracting(DiagnosticLog::requestId).isEqualTo("req-2");
            assertThat(repo.setResponseMessageIds("nope", List.of("1"))).isFalse();
        }

        @Test
        void storesDataThatJsonbWouldRejectAfterSanitizing() {
            repo.save(log("req-3", null, "{\"raw\": \"a\\u0000b \\ud83d\"}", T0));
            assertThat(repo.findByRequestId("req-3").orElseThrow().dataJson()).contains("ab").doesNotContain("u0000");
        }

        @Test
        void expiresOldRecordsAndListsRecentNewestFirst() {
            Instant old = Instant.parse("2020-01-01T00:00:00Z");
            repo.save(log("old-1", null, "{}", old));
            repo.save(log("old-2", null, "{}", old.plusSeconds(1)));
            repo.save(log("fresh", null, "{}", Instant.parse("2030-01-01T00:00:00Z")));
            assertThat(repo.recent(1)).extracting(DiagnosticLog::requestId).containsExactly("fresh");
            assertThat(repo.deleteOlderThan(old.plus(Duration.ofHours(24)))).isEqualTo(2);
            assertThat(repo.findByRequestId("old-1")).isEmpty();
            assertThat(repo.findByRequestId("fresh")).isPresent();
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
