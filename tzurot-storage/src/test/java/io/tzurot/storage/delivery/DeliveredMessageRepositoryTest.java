package io.tzurot.storage.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.discord.DeliveredMessage;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.testkit.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeliveredMessageRepositoryTest {

    abstract static class DeliveredMessageContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-07-01T00:00:00Z");
        private JdbiDeliveredMessageRepository delivered;
        private Fixtures fixtures;
        private Personality alice;
        private Personality bob;

        DeliveredMessageContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            delivered = new JdbiDeliveredMessageRepository(database().jdbi());
            fixtures = new Fixtures(database().jdbi(), clock);
            User owner = fixtures.user("owner");
            alice = fixtures.personality(owner, "deliv-alice", "Alice", true);
            bob = fixtures.personality(owner, "deliv-bob", "Bob", false);
        }

        @Test
        void aRecordedMessageIsFoundByItsIdAndTheFirstRecordStays() {
            Instant at = Instant.parse("2026-07-01T10:00:00.123Z");
            delivered.record(new DeliveredMessage("1001", alice.id(), "500", at));
            delivered.record(new DeliveredMessage("1001", bob.id(), "501", at.plusSeconds(5)));

            assertThat(delivered.find("1001")).contains(new DeliveredMessage("1001", alice.id(), "500", at));
            assertThat(delivered.find("1002")).isEmpty();
            assertThat(delivered.find("not-an-id")).isEmpty();
        }

        @Test
        void theLatestMessageInAChannelNamesItsCharacter() {
            Instant at = Instant.parse("2026-07-02T10:00:00Z");
            delivered.record(new DeliveredMessage("2001", alice.id(), "600", at));
            delivered.record(new DeliveredMessage("2003", bob.id(), "600", at.plusSeconds(1)));
            delivered.record(new DeliveredMessage("2002", alice.id(), "601", at.plusSeconds(2)));
            delivered.record(new DeliveredMessage("10000", alice.id(), "602", at));
            delivered.record(new DeliveredMessage("9999", bob.id(), "602", at));

            assertThat(delivered.latestInChannel("600")).map(DeliveredMessage::personalityId).contains(bob.id());
            assertThat(delivered.latestInChannel("602")).map(DeliveredMessage::messageId).contains("10000");
            assertThat(delivered.latestInChannel("699")).isEmpty();
        }

        @Test
        void deletingTheCharacterForgetsItsMessages() {
            User owner = fixtures.user("ephemeral-owner");
            Personality gone = fixtures.personality(owner, "deliv-gone", "Gone", true);
            delivered.record(new DeliveredMessage("3001", gone.id(), "700", Instant.parse("2026-07-03T00:00:00Z")));

            new JdbiPersonalityRepository(database().jdbi(), clock).delete(gone.id());

            assertThat(delivered.find("3001")).isEmpty();
        }

        @Test
        void recordsAreValidated() {
            assertThatThrownBy(() -> new DeliveredMessage("12a", alice.id(), "1", Instant.EPOCH))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messageId");
            assertThatThrownBy(() -> new DeliveredMessage("12", alice.id(), "", Instant.EPOCH))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channelId");
        }
    }

    @Nested
    class OnH2 extends DeliveredMessageContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends DeliveredMessageContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
