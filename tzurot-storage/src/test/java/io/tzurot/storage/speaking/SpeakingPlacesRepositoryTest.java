package io.tzurot.storage.speaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.speaking.SpeakingMode;
import io.tzurot.core.speaking.SpeakingPolicy;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.testkit.MutableClock;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SpeakingPlacesRepositoryTest {

    abstract static class SpeakingPlacesContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-12-06T00:00:00Z");
        private JdbiSpeakingPlacesRepository places;

        SpeakingPlacesContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            places = new JdbiSpeakingPlacesRepository(database().jdbi(), clock);
        }

        @Test
        void aServerThatNeverChoseSpeaksEverywhere() {
            SpeakingPolicy policy = places.policy("7001");
            assertThat(policy).isEqualTo(SpeakingPolicy.everywhere("7001"));
            assertThat(policy.allows("1", null)).isTrue();
        }

        @Test
        void theListIsKeptAcrossModeChanges() {
            assertThat(places.addChannel("7002", "11")).isTrue();
            assertThat(places.addChannel("7002", "11")).isFalse();
            assertThat(places.addChannel("7002", "12")).isTrue();
            assertThat(places.addChannel("7999", "13")).isTrue(); // another server's list

            assertThat(places.setMode("7002", SpeakingMode.ALLOWLIST, "42").channels()).containsExactlyInAnyOrder("11", "12");
            SpeakingPolicy deny = places.setMode("7002", SpeakingMode.DENYLIST, "42");
            assertThat(deny.mode()).isEqualTo(SpeakingMode.DENYLIST);
            assertThat(deny.channels()).containsExactlyInAnyOrder("11", "12");
            assertThat(deny.allows("11", null)).isFalse();
            assertThat(deny.allows("99", "12")).isFalse();
            assertThat(deny.allows("99", null)).isTrue();

            assertThat(places.removeChannel("7002", "11")).isTrue();
            assertThat(places.removeChannel("7002", "11")).isFalse();
            assertThat(places.policy("7002").sortedChannels()).containsExactly("12");
            assertThat(places.policy("7999").sortedChannels()).containsExactly("13");
        }

        @Test
        void replaceIsAllOrNothing() {
            places.replace("7003", SpeakingMode.ALLOWLIST, Set.of("21", "22"), "42");
            assertThat(places.policy("7003")).isEqualTo(new SpeakingPolicy("7003", SpeakingMode.ALLOWLIST, Set.of("21", "22")));

            assertThatThrownBy(() -> places.replace("7003", SpeakingMode.DENYLIST, Set.of("23", "bad"), "42"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(places.policy("7003")).isEqualTo(new SpeakingPolicy("7003", SpeakingMode.ALLOWLIST, Set.of("21", "22")));

            places.replace("7003", SpeakingMode.ALL, Set.of(), "42");
            assertThat(places.policy("7003")).isEqualTo(SpeakingPolicy.everywhere("7003"));
        }

        @Test
        void ghostChannelsAreSetPerChannel() {
            assertThat(places.isGhost("31")).isFalse();
            assertThat(places.setGhost("7004", "31", true, "42")).isTrue();
            assertThat(places.setGhost("7004", "31", true, "42")).isFalse();
            assertThat(places.setGhost("7004", "30", true, null)).isTrue();
            assertThat(places.isGhost("31")).isTrue();
            assertThat(places.ghostChannels("7004")).containsExactly("30", "31");

            assertThat(places.setGhost("7004", "31", false, "42")).isTrue();
            assertThat(places.setGhost("7004", "31", false, "42")).isFalse();
            assertThat(places.isGhost("31")).isFalse();
            assertThat(places.ghostChannels("7004")).containsExactly("30");
        }

        @Test
        void idsMustBeSnowflakes() {
            assertThatThrownBy(() -> places.addChannel("7005", "#general")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> places.setGhost("x", "1", true, null)).isInstanceOf(IllegalArgumentException.class);
            assertThat(places.policy("7005").channels()).isEmpty();
        }
    }

    @Nested
    class OnH2 extends SpeakingPlacesContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends SpeakingPlacesContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
