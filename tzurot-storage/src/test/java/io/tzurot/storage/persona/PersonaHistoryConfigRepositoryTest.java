package io.tzurot.storage.persona;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.persona.PersonaHistoryConfig;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PersonaHistoryConfigRepositoryTest {

    abstract static class PersonaHistoryConfigContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-03-01T00:00:00Z");
        private JdbiPersonaHistoryConfigRepository epochs;
        private Fixtures fixtures;

        PersonaHistoryConfigContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            epochs = new JdbiPersonaHistoryConfigRepository(database().jdbi(), clock);
            fixtures = new Fixtures(database().jdbi(), clock);
        }

        @Test
        void clearHidesHistoryAndOneUndoRestoresIt() {
            User user = fixtures.user("tess");
            Personality p = fixtures.personality(user, "tess-pal", "Pal", true);
            assertThat(epochs.find(user.id(), p.id(), user.defaultPersonaId())).isEmpty();
            assertThat(epochs.undoClear(user.id(), p.id(), user.defaultPersonaId())).isEmpty();

            Instant first = clock.advance(Duration.ofMinutes(1));
            PersonaHistoryConfig cleared = epochs.clearContext(user.id(), p.id(), user.defaultPersonaId());
            assertThat(cleared.id()).isEqualTo(DeterministicIds.userPersonaHistoryConfig(user.id(), p.id(), user.defaultPersonaId()));
            assertThat(cleared.lastContextReset()).isEqualTo(first);
            assertThat(cleared.previousContextReset()).isNull();
            assertThat(cleared.undoAvailable()).isTrue();
            assertThat(cleared.isVisible(first)).isFalse();
            assertThat(cleared.isVisible(first.plusMillis(1))).isTrue();

            Instant second = clock.advance(Duration.ofMinutes(1));
            PersonaHistoryConfig again = epochs.clearContext(user.id(), p.id(), user.defaultPersonaId());
            assertThat(again.lastContextReset()).isEqualTo(second);
            assertThat(again.previousContextReset()).isEqualTo(first);

            PersonaHistoryConfig undone = epochs.undoClear(user.id(), p.id(), user.defaultPersonaId()).orElseThrow();
            assertThat(undone.lastContextReset()).isEqualTo(first);
            assertThat(undone.previousContextReset()).isNull();
            assertThat(undone.undoAvailable()).isFalse();
            assertThat(epochs.undoClear(user.id(), p.id(), user.defaultPersonaId())).isEmpty();
        }

        @Test
        void undoingTheFirstClearShowsAllHistoryAgain() {
            User user = fixtures.user("uma");
            Personality p = fixtures.personality(user, "uma-pal", "Pal", true);
            clock.advance(Duration.ofMinutes(1));
            epochs.clearContext(user.id(), p.id(), user.defaultPersonaId());

            PersonaHistoryConfig undone = epochs.undoClear(user.id(), p.id(), user.defaultPersonaId()).orElseThrow();

            assertThat(undone.contextResetAt()).isEmpty();
            assertThat(undone.isVisible(Instant.EPOCH)).isTrue();
        }

        @Test
        void epochsAreSeparatePerPersonaAndPersonality() {
            User user = fixtures.user("vic");
            Personality a = fixtures.personality(user, "vic-a", "A", true);
            Personality b = fixtures.personality(user, "vic-b", "B", true);
            epochs.clearContext(user.id(), a.id(), user.defaultPersonaId());

            assertThat(epochs.find(user.id(), a.id(), user.defaultPersonaId())).isPresent();
            assertThat(epochs.find(user.id(), b.id(), user.defaultPersonaId())).isEmpty();
        }
    }

    @Nested
    class OnH2 extends PersonaHistoryConfigContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends PersonaHistoryConfigContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
