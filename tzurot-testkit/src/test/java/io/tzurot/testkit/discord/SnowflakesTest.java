package io.tzurot.testkit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.testkit.discord.state.Snowflakes;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnowflakesTest {

    @Test
    void idsStrictlyIncreaseAndEncodeTheirCreationTime() {
        Snowflakes snowflakes = new Snowflakes();
        Instant before = Instant.now();
        long previous = snowflakes.next();
        for (int i = 0; i < 10_000; i++) {
            long next = snowflakes.next();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
        assertThat(previous).isPositive();
        // The last id may run ahead of the clock by at most one millisecond per 4M ids drawn within it.
        assertThat(Snowflakes.timestampOf(previous)).isBetween(before.minusMillis(1), Instant.now().plus(Duration.ofSeconds(1)));
    }

    @Test
    void decodesAKnownDiscordSnowflake() {
        // 175928847299117063 is the example in Discord's documentation: 2016-04-30T11:18:25.796Z.
        assertThat(Snowflakes.timestampOf(175928847299117063L)).isEqualTo(Instant.parse("2016-04-30T11:18:25.796Z"));
    }
}
