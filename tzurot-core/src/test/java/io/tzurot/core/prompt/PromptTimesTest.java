package io.tzurot.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PromptTimesTest {

    private static final Instant NOW = Instant.parse("2025-01-28T02:15:00Z");

    @Test
    void fullDateTimeUsesTheGivenZone() {
        assertThat(PromptTimes.fullDateTime(NOW, ZoneId.of("America/New_York")))
                .isEqualTo("Monday, January 27, 2025 at 09:15 PM EST");
        assertThat(PromptTimes.fullDateTime(Instant.parse("2025-07-01T12:00:00Z"), ZoneId.of("America/Los_Angeles")))
                .isEqualTo("Tuesday, July 1, 2025 at 05:00 AM PDT");
        assertThat(PromptTimes.fullDateTime(NOW, ZoneId.of("Europe/Berlin")))
                .isEqualTo("Tuesday, January 28, 2025 at 03:15 AM CET");
    }

    @Test
    void promptTimestampShowsTheTimeOfDayOnlyForTheLastWeek() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(PromptTimes.promptTimestamp(Instant.parse("2025-01-27T23:05:00Z"), NOW, berlin))
                .isEqualTo("2025-01-28 (Tue) 00:05 \u2022 3 hours ago");
        assertThat(PromptTimes.promptTimestamp(NOW.minus(Duration.ofDays(10)), NOW, berlin))
                .isEqualTo("2025-01-18 (Sat) \u2022 1 week ago");
    }

    @Test
    void relativeTimesCoverEveryRange() {
        assertThat(PromptTimes.relative(NOW.plusSeconds(30), NOW)).isEqualTo("just now");
        assertThat(PromptTimes.relative(NOW.minusSeconds(59), NOW)).isEqualTo("just now");
        assertThat(PromptTimes.relative(NOW.minusSeconds(60), NOW)).isEqualTo("1 minute ago");
        assertThat(PromptTimes.relative(NOW.minus(Duration.ofMinutes(59)), NOW)).isEqualTo("59 minutes ago");
        assertThat(PromptTimes.relative(NOW.minus(Duration.ofHours(1)), NOW)).isEqualTo("1 hour ago");
        assertThat(PromptTimes.relative(NOW.minus(Duration.ofHours(30)), NOW)).isEqualTo("yesterday");
        assertThat(PromptTimes.relative(NOW.minus(Duration.ofDays(3)), NOW)).isEqualTo("3 days ago");
        assertThat(PromptTimes.relative(NOW.minus(Duration.ofDays(15)), NOW)).isEqualTo("2 weeks ago");
        assertThat(PromptTimes.relative(NOW.minus(Duration.ofDays(65)), NOW)).isEqualTo("2 months ago");
        assertThat(PromptTimes.relative(NOW.minus(Duration.ofDays(400)), NOW)).isEqualTo("1 year ago");
    }

    @Test
    void shortDateForReferences() {
        assertThat(PromptTimes.shortDate(NOW, ZoneId.of("America/New_York"))).isEqualTo("Mon, Jan 27, 2025");
    }
}
