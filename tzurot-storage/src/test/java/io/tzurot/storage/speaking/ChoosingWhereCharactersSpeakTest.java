package io.tzurot.storage.speaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.speaking.ChoosingWhereCharactersSpeak;
import io.tzurot.core.speaking.ChoosingWhereCharactersSpeak.Verdict;
import io.tzurot.core.speaking.SpeakingCaller;
import io.tzurot.core.speaking.SpeakingMode;
import io.tzurot.core.speaking.SpeakingPolicy;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.testkit.MutableClock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ChoosingWhereCharactersSpeak} over the real repository: who may choose, what is valid, what a message gets. */
class ChoosingWhereCharactersSpeakTest {

    abstract static class Contract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-12-06T00:00:00Z");
        private ChoosingWhereCharactersSpeak places;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            places = new ChoosingWhereCharactersSpeak(new JdbiSpeakingPlacesRepository(database().jdbi(), clock));
        }

        private static SpeakingCaller owner() {
            return SpeakingCaller.outsideServers(new Actor(UUID.randomUUID(), "900", true));
        }

        private static SpeakingCaller manager(String guild) {
            return new SpeakingCaller(new Actor(UUID.randomUUID(), "901", false), Optional.of(guild), true);
        }

        private static SpeakingCaller member(String guild) {
            return new SpeakingCaller(new Actor(UUID.randomUUID(), "902", false), Optional.of(guild), false);
        }

        @Test
        void allowlistAndDenylistDecideWhoIsAnsweredAndGhostComesFirst() {
            assertThat(places.where("8001", "1", null)).isEqualTo(Verdict.SPEAK);
            places.add(manager("8001"), "8001", "1");
            places.setMode(manager("8001"), "8001", "allowlist");
            assertThat(places.where("8001", "1", null)).isEqualTo(Verdict.SPEAK);
            assertThat(places.where("8001", "5", "1")).isEqualTo(Verdict.SPEAK); // a thread of a listed channel
            assertThat(places.where("8001", "2", null)).isEqualTo(Verdict.SILENT);
            places.setMode(owner(), "8001", "DENYLIST");
            assertThat(places.where("8001", "1", null)).isEqualTo(Verdict.SILENT);
            assertThat(places.where("8001", "2", null)).isEqualTo(Verdict.SPEAK);
            places.setGhost(manager("8001"), "8001", "1", true);
            assertThat(places.where("8001", "1", null)).isEqualTo(Verdict.GHOST);
            assertThat(places.where("8001", "6", "1")).isEqualTo(Verdict.GHOST);
            assertThat(places.where(null, "1", null)).isEqualTo(Verdict.SPEAK); // a DM
        }

        @Test
        void onlyTheBotOwnerOrTheServersManagersMayChoose() {
            assertThatThrownBy(() -> places.setMode(member("8002"), "8002", "allowlist"))
                    .isInstanceOf(DomainException.class).hasMessageContaining("Manage Messages");
            assertThatThrownBy(() -> places.add(manager("8003"), "8002", "1"))
                    .isInstanceOf(DomainException.class).hasMessageContaining("only in their own server");
            assertThatThrownBy(() -> places.view(SpeakingCaller.outsideServers(new Actor(UUID.randomUUID(), "903",
                    false)), "8002")).isInstanceOf(DomainException.class).hasMessageContaining("Only the bot owner");
            assertThat(places.view(owner(), "8002")).isEqualTo(SpeakingPolicy.everywhere("8002"));
        }

        @Test
        void badInputIsRefusedAndChangesNothing() {
            places.replace(owner(), "8004", "allowlist", List.of("11"));
            assertThatThrownBy(() -> places.setMode(owner(), "8004", "sometimes"))
                    .isInstanceOf(DomainException.class).hasMessageContaining("Unknown mode 'sometimes'");
            assertThatThrownBy(() -> places.replace(owner(), "8004", "denylist", List.of("12", "#general")))
                    .isInstanceOf(DomainException.class).hasMessageContaining("'#general' is not a Discord channel id");
            assertThatThrownBy(() -> places.remove(owner(), "8004", "99"))
                    .isInstanceOf(DomainException.class).hasMessageContaining("Listed channel 99");
            assertThatThrownBy(() -> places.view(owner(), "not-a-guild"))
                    .isInstanceOf(DomainException.class).hasMessageContaining("not a Discord guild id");
            assertThat(places.view(owner(), "8004")).isEqualTo(new SpeakingPolicy("8004", SpeakingMode.ALLOWLIST,
                    Set.of("11")));
            assertThat(places.add(owner(), "8004", "11").changed()).isFalse();
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
