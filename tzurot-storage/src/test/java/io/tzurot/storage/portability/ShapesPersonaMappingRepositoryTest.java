package io.tzurot.storage.portability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.portability.ShapesPersonaMapping;
import io.tzurot.core.portability.ShapesPersonaMappingRepository;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.memory.TestRows;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShapesPersonaMappingRepositoryTest {

    abstract static class Contract extends DatabaseContract {
        ShapesPersonaMappingRepository repo;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            repo = new JdbiShapesPersonaMappingRepository(database());
        }

        @Test
        void mapsEachShapesUserOnce() {
            TestRows.Owner owner = TestRows.owner(database(), "lee", "Lee", null);
            UUID shapesUser = UUID.randomUUID();
            ShapesPersonaMapping m = new ShapesPersonaMapping(UUID.randomUUID(), shapesUser, owner.personaId(),
                    owner.userId(), "unverified", Instant.parse("2026-12-01T00:00:00Z"));
            assertThat(repo.add(m)).isTrue();
            assertThat(repo.add(new ShapesPersonaMapping(UUID.randomUUID(), shapesUser, owner.personaId(), null,
                    "unverified", Instant.parse("2026-12-02T00:00:00Z")))).isFalse();
            assertThat(repo.findByShapesUserId(shapesUser)).contains(m);
            assertThat(repo.forPersona(owner.personaId())).containsExactly(m);

            assertThat(repo.setVerificationStatus(shapesUser, "verified")).isTrue();
            assertThat(repo.findByShapesUserId(shapesUser).orElseThrow().verificationStatus()).isEqualTo("verified");
            assertThat(repo.setVerificationStatus(UUID.randomUUID(), "verified")).isFalse();
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
