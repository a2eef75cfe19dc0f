package io.tzurot.storage.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.Actor;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.history.ManagingHistory;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.personality.Personality;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.memory.TestRows;
import io.tzurot.storage.persona.JdbiPersonaHistoryConfigRepository;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.JdbiUserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ManagingHistory} over the real repositories: the epoch, the counts and the confirmed purge. */
class ManagingHistoryTest {

    abstract static class Contract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

        ManagingHistory managing;
        JdbiConversationHistoryRepository history;
        TestRows.Owner owner;
        Actor actor;
        Personality personality;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            Clock clock = Clock.systemUTC();
            var jdbi = database().jdbi();
            history = new JdbiConversationHistoryRepository(database());
            managing = new ManagingHistory(new ResolvePersona(new JdbiUserRepository(jdbi, clock),
                    new JdbiPersonaRepository(jdbi, clock), new JdbiUserPersonalityConfigRepository(jdbi, clock)),
                    new JdbiPersonaHistoryConfigRepository(jdbi, clock), history, clock);
            owner = TestRows.owner(database(), "erin", "Erin", null);
            actor = new Actor(owner.userId(), "1", false);
            personality = new JdbiPersonalityRepository(jdbi, clock).findById(
                    TestRows.personality(database(), owner.userId(), "Keeper", null)).orElseThrow();
        }

        private void row(String channel, String text, Instant at) {
            history.append(HistoryMessage.create(channel, null, personality.id(), owner.personaId(), HistoryRole.USER,
                    text, 3, List.of(), "{}", at));
        }

        @Test
        void clearHidesUndoRestoresAndPurgeNeedsThePhrase() {
            row("c1", "old", T0);
            row("c1", "older still", T0.minusSeconds(60));
            row("c2", "elsewhere", T0);
            assertThat(managing.stats(actor, personality, "c1").counts().visible()).isEqualTo(2);

            assertThat(managing.clear(actor, personality).undoAvailable()).isTrue();
            ManagingHistory.Stats cleared = managing.stats(actor, personality, "c1");
            assertThat(cleared.counts().total()).isEqualTo(2);
            assertThat(cleared.counts().hidden()).isEqualTo(2);
            assertThat(cleared.clearedAt()).isPresent();

            assertThat(managing.undo(actor, personality).contextResetAt()).isEmpty();
            assertThat(managing.stats(actor, personality, "c1").counts().visible()).isEqualTo(2);
            assertThatThrownBy(() -> managing.undo(actor, personality)).isInstanceOf(DomainException.class)
                    .hasMessageContaining("no clear to undo");

            assertThatThrownBy(() -> managing.purge(actor, personality, "c1", "yes")).isInstanceOf(DomainException.class)
                    .hasMessageContaining("DELETE");
            assertThat(managing.stats(actor, personality, "c1").counts().total()).isEqualTo(2);
            assertThat(managing.purge(actor, personality, "c1", " delete ")).isEqualTo(2);
            assertThat(managing.stats(actor, personality, "c1").counts().total()).isZero();
            assertThat(managing.stats(actor, personality, "c2").counts().total()).isEqualTo(1);
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
