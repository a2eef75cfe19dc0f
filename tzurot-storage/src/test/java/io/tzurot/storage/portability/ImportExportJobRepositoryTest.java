package io.tzurot.storage.portability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.portability.ExportFormat;
import io.tzurot.core.portability.ExportJob;
import io.tzurot.core.portability.ExportJobRepository;
import io.tzurot.core.portability.ImportJob;
import io.tzurot.core.portability.ImportJobRepository;
import io.tzurot.core.portability.ImportType;
import io.tzurot.core.portability.PortabilityJobStatus;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.memory.TestRows;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ImportExportJobRepositoryTest {

    abstract static class Contract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

        ImportJobRepository imports;
        ExportJobRepository exports;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            imports = new JdbiImportJobRepository(database());
            exports = new JdbiExportJobRepository(database());
        }

        @Test
        void importRunsOnceAtATimeAndCanBeRestartedWhenFinished() {
            TestRows.Owner owner = TestRows.owner(database(), "ivy", "Ivy", null);
            UUID personality = TestRows.personality(database(), owner.userId(), "Imported", null);
            ImportJob job = imports.begin(owner.userId(), "shape-one", "shapes_inc", ImportType.FULL, T0).orElseThrow();
            assertThat(job.id()).isEqualTo(DeterministicIds.importJob(owner.userId(), "shape-one", "shapes_inc"));
            assertThat(job.status()).isEqualTo(PortabilityJobStatus.PENDING);
            assertThat(imports.begin(owner.userId(), "shape-one", "shapes_inc", ImportType.FULL, T0)).isEmpty();

            assertThat(imports.markInProgress(job.id(), T0.plusSeconds(1))).isTrue();
            assertThat(imports.markInProgress(job.id(), T0.plusSeconds(2))).isFalse();
            imports.updateProgress(job.id(), personality, 25, 1, T0.plusSeconds(3));
            ImportJob running = imports.find(job.id()).orElseThrow();
            assertThat(running.personalityId()).isEqualTo(personality);
            assertThat(running.memoriesImported()).isEqualTo(25);
            assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(imports.begin(owner.userId(), "shape-one", "shapes_inc", ImportType.FULL, T0)).isEmpty();

            assertThat(imports.complete(job.id(), 40, 2, "{\"pages\": 2}", T0.plusSeconds(9))).isTrue();
            ImportJob done = imports.find(job.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(PortabilityJobStatus.COMPLETED);
            assertThat(done.memoriesFailed()).isEqualTo(2);
            assertThat(done.metadataJson()).contains("pages");
            assertThat(done.completedAt()).isEqualTo(T0.plusSeconds(9));

            ImportJob again = imports.begin(owner.userId(), "shape-one", "shapes_inc", ImportType.MEMORY_ONLY,
                    T0.plusSeconds(60)).orElseThrow();
            assertThat(again.id()).isEqualTo(job.id());
            assertThat(again.importType()).isEqualTo(ImportType.MEMORY_ONLY);
            assertThat(again.memoriesImported()).isZero();
            assertThat(again.metadataJson()).isNull();
            assertThat(again.personalityId()).isEqualTo(personality);
            assertThat(imports.fail(again.id(), "cookie expired", T0.plusSeconds(61))).isTrue();
            assertThat(imports.fail(again.id(), "again", T0.plusSeconds(62))).isFalse();
            assertThat(imports.find(job.id()).orElseThrow().errorMessage()).isEqualTo("cookie expired");
        }

        @Test
        void stuckJobsAreFailed() {
            TestRows.Owner owner = TestRows.owner(database(), "jay", "Jay", null);
            ImportJob stuck = imports.begin(owner.userId(), "stuck", "shapes_inc", ImportType.FULL, T0).orElseThrow();
            imports.markInProgress(stuck.id(), T0);
            ImportJob fresh = imports.begin(owner.userId(), "fresh", "shapes_inc", ImportType.FULL, T0).orElseThrow();
            imports.markInProgress(fresh.id(), T0.plus(Duration.ofMinutes(90)));

            assertThat(imports.failStuck(T0.plus(Duration.ofHours(1)), "timed out", T0.plus(Duration.ofHours(2))))
                    .isGreaterThanOrEqualTo(1);
            assertThat(imports.find(stuck.id()).orElseThrow().status()).isEqualTo(PortabilityJobStatus.FAILED);
            assertThat(imports.find(fresh.id()).orElseThrow().status()).isEqualTo(PortabilityJobStatus.IN_PROGRESS);
        }

        @Test
        void exportStoresTheFileUntilItExpires() {
            TestRows.Owner owner = TestRows.owner(database(), "kim", "Kim", null);
            Instant expires = T0.plus(Duration.ofHours(24));
            ExportJob job = exports.begin(owner.userId(), "shape-two", "shapes_inc", ExportFormat.MARKDOWN, expires, T0)
                    .orElseThrow();
            assertThat(job.id()).isEqualTo(DeterministicIds.exportJob(owner.userId(), "shape-two", "shapes_inc", "markdown"));
            assertThat(exports.begin(owner.userId(), "shape-two", "shapes_inc", ExportFormat.MARKDOWN, expires, T0)).isEmpty();
            assertThat(exports.begin(owner.userId(), "shape-two", "shapes_inc", ExportFormat.JSON, expires, T0)).isPresent();

            assertThat(exports.complete(job.id(), "shape-two-export.md", "# Ünïcode", null, expires, T0.plusSeconds(5)))
                    .as("only a running export completes").isFalse();
            exports.markInProgress(job.id(), T0.plusSeconds(1));
            assertThat(exports.complete(job.id(), "shape-two-export.md", "# Ünïcode", "{\"memories\": 3}", expires,
                    T0.plusSeconds(5))).isTrue();
            ExportJob done = exports.find(job.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(PortabilityJobStatus.COMPLETED);
            assertThat(done.file()).contains("# Ünïcode");
            assertThat(done.fileSizeBytes()).as("UTF-8 bytes, not chars").isEqualTo(11);
            assertThat(done.toString()).doesNotContain("Ünïcode");

            assertThat(exports.deleteExpired(expires)).isZero();
            assertThat(exports.deleteExpired(expires.plusMillis(1))).isGreaterThanOrEqualTo(1);
            assertThat(exports.find(job.id())).isEmpty();
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
