package io.tzurot.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.speaking.SpeakingMode;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where characters speak, read through the cache on a real database and the real in-process bus: {@code raw} writes
 * behind the cache's back (a read is served from the cache); a write through another cached set (another process)
 * is seen at once.
 */
class CachingSpeakingPlacesRepositoryTest {

    private final TwoProcesses sets = new TwoProcesses("speak", EventTopic.SPEAKING_PLACES);
    private final Repositories raw = sets.raw;
    private final Repositories here = sets.here;
    private final Repositories there = sets.there;

    @AfterEach
    void close() {
        sets.close();
    }

    @Test
    void aChangeInOneProcessIsSeenAtOnceByAnother() {
        assertThat(here.speaking().policy("9001").mode()).isEqualTo(SpeakingMode.ALL);
        assertThat(here.speaking().isGhost("31")).isFalse();
        raw.speaking().replace("9001", SpeakingMode.ALLOWLIST, Set.of("30"), null);
        raw.speaking().setGhost("9001", "31", true, null);
        assertThat(here.speaking().policy("9001").mode()).as("served from the cache").isEqualTo(SpeakingMode.ALL);
        assertThat(here.speaking().isGhost("31")).as("served from the cache").isFalse();

        there.speaking().setMode("9001", SpeakingMode.DENYLIST, "42");
        assertThat(here.speaking().policy("9001").mode()).isEqualTo(SpeakingMode.DENYLIST);
        assertThat(here.speaking().policy("9001").channels()).containsExactly("30");
        assertThat(here.speaking().isGhost("31")).isTrue();
        there.speaking().setGhost("9001", "31", false, "42");
        assertThat(here.speaking().isGhost("31")).isFalse();
        assertThat(sets.announced).extracting(ChangeEvent::topic).containsOnly(EventTopic.SPEAKING_PLACES).hasSize(2);
    }
}
