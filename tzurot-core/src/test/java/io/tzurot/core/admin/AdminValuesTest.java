package io.tzurot.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The admin values: periods, clean-up targets, heartbeats and presences as written to and read from keys. */
class AdminValuesTest {

    @Test
    void periodsParseTheirLabelsOnlyAndDefaultToAWeek() {
        assertThat(UsagePeriod.parse("24h").length()).isEqualTo(Duration.ofHours(24));
        assertThat(UsagePeriod.parse(" 30d ")).isEqualTo(UsagePeriod.MONTH);
        assertThat(UsagePeriod.parse(null)).isEqualTo(UsagePeriod.WEEK);
        assertThat(UsagePeriod.parse("")).isEqualTo(UsagePeriod.WEEK);
        for (String bad : List.of("1d", "7D", "week", "x".repeat(500))) {
            assertThatThrownBy(() -> UsagePeriod.parse(bad)).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.error()).isInstanceOf(DomainError.InvalidField.class);
                assertThat(e.getMessage()).contains("expected one of 24h, 7d, 30d").hasSizeLessThan(120);
            });
        }
    }

    @Test
    void cleanupTargetsExpandAll() {
        assertThat(CleanupTarget.parse("").parts()).containsExactly(CleanupTarget.HISTORY, CleanupTarget.TOMBSTONES,
                CleanupTarget.DIAGNOSTICS, CleanupTarget.USAGE);
        assertThat(CleanupTarget.parse("Usage").parts()).containsExactly(CleanupTarget.USAGE);
        assertThatThrownBy(() -> CleanupTarget.parse("users")).hasMessageContaining("expected one of all, history,"
                + " tombstones, diagnostics, usage");
    }

    @Test
    void heartbeatsRoundTripAndRejectWhatTheyDidNotWrite() {
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        Heartbeat beat = new Heartbeat("worker-h-1", "worker", "1.0.0", at.minusSeconds(3_700), at, OptionalLong.of(2));
        assertThat(Heartbeat.decode(beat.encode())).contains(beat);
        assertThat(beat.uptime()).isEqualTo(Duration.ofSeconds(3_700));
        Heartbeat noLag = new Heartbeat("api-h-2", "api", "1.0.0", at, at, OptionalLong.empty());
        assertThat(Heartbeat.decode(noLag.encode())).contains(noLag);
        assertThat(Heartbeat.decode("id=x\nroles=api")).isEmpty();
        assertThat(Heartbeat.decode(null)).isEmpty();
        assertThatThrownBy(() -> new Heartbeat("a\nb", "api", "1", at, at, OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void presencesRoundTrip() {
        Presence p = new Presence(Presence.Kind.CUSTOM, "on a\ttab", Presence.Status.INVISIBLE);
        assertThat(Presence.decode(p.encode())).contains(p);
        assertThat(Presence.decode("7\tonline\tx")).isEmpty();
        assertThat(new Presence(Presence.Kind.NONE, "dropped", Presence.Status.ONLINE).text()).isEmpty();
    }
}
