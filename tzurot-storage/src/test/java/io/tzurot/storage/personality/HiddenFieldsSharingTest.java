package io.tzurot.storage.personality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.testkit.MutableClock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HiddenFieldsSharingTest {

    @Nested
    class OnH2 extends SharingContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends SharingContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }

    abstract static class SharingContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-07-01T00:00:00Z");
        private JdbiHiddenFieldsSharing sharing;
        private Fixtures fixtures;

        SharingContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            sharing = new JdbiHiddenFieldsSharing(database().jdbi());
            fixtures = new Fixtures(database().jdbi(), clock);
        }

        @Test
        void offByDefaultThenAsTheOwnerSetsIt() {
            User owner = fixtures.user("sharer");
            Personality p = fixtures.personality(owner, "sharing-one", "Sharer", true);
            Personality other = fixtures.personality(owner, "sharing-two", "Keeper", true);

            assertThat(sharing.isShared(p.id())).isFalse();
            assertThat(sharing.setShared(p.id(), true)).isTrue();
            assertThat(sharing.isShared(p.id())).isTrue();
            assertThat(sharing.isShared(other.id())).isFalse();
            assertThat(sharing.setShared(p.id(), false)).isTrue();
            assertThat(sharing.isShared(p.id())).isFalse();
        }

        @Test
        void anUnknownCharacterSharesNothing() {
            UUID unknown = UUID.randomUUID();
            assertThat(sharing.setShared(unknown, true)).isFalse();
            assertThat(sharing.isShared(unknown)).isFalse();
        }
    }
}
